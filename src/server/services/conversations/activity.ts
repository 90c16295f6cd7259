// A conversation's activity (assignment and status changes) for its log, read from the event log
// with the page of history it belongs to. The caller has checked that the user may see the
// conversation (services/access.ts): its activity is visible to exactly the same people.
import { db } from "../../db/client";
import { ZAppEvent } from "@/shared/events";
import { activityOf, changeBetween, type TActivity } from "@/shared/activity";
import type { TConversationSummary } from "@/shared/dto";

/** At most this many changes are shown between two pages' messages (the newest of them). */
export const ACTIVITY_PER_PAGE = 100;

/** The part of the history a page of messages covers: from (inclusive) to (exclusive); null is open. */
export interface HistoryWindow {
  from: Date | null;
  to: Date | null;
}

type Row = { id: number; payload: string; createdAt: Date };

const parse = (row: Row) => {
  const event = ZAppEvent.safeParse(JSON.parse(row.payload));
  return event.success && event.data.type === "conversation.updated" ? event.data : null;
};

/** The activity within `window`, oldest first. */
export async function listActivity(conversationId: string, window: HistoryWindow): Promise<TActivity[]> {
  const rows = await db().read.event.findMany({
    where: {
      conversationId,
      type: "conversation.updated",
      createdAt: { ...(window.from ? { gte: window.from } : {}), ...(window.to ? { lt: window.to } : {}) },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ACTIVITY_PER_PAGE,
    select: { id: true, payload: true, createdAt: true },
  });
  const activity: TActivity[] = [];
  let before: TConversationSummary | null | undefined;
  for (const row of rows.reverse()) {
    const event = parse(row);
    if (!event) continue;
    const described = activityOf(String(row.id), event);
    if (described) activity.push(described);
    else {
      // Stored before events described their change: compared with the one before it.
      if (before === undefined) before = await previousSummary(conversationId, row.id);
      const change = changeBetween(before, event.conversation, row.createdAt.toISOString());
      if (change) activity.push({ id: String(row.id), conversationId, actor: event.actor ?? null, change });
    }
    before = event.conversation;
  }
  return activity;
}

/** The conversation as the change event before `eventId` left it; null when there is none. */
async function previousSummary(conversationId: string, eventId: number): Promise<TConversationSummary | null> {
  const row = await db().read.event.findFirst({
    where: { conversationId, type: "conversation.updated", id: { lt: eventId } },
    orderBy: { id: "desc" },
    select: { id: true, payload: true, createdAt: true },
  });
  return row ? (parse(row)?.conversation ?? null) : null;
}
