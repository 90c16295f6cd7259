// A conversation's activity: the changes of assignee, status and labels shown inline in its log
// ("Ada assigned this to Alan · 12:03"). Each is a `conversation.updated` event of the event log;
// the server reads stored ones with the history, the dashboard turns live ones into the same shape
// with the same function (activityOf), so a line reads the same live and after a reload.
import { z } from "zod";
import { CONVERSATION_STATUSES, type TConversationSummary } from "./dto";
import type { TAppEvent, TAssignmentActor } from "./events";

const ZLabelRef = z.object({ id: z.string(), name: z.string() });

/**
 * What one change did, stored in its event by the writer, which knows the state before it. (Working
 * it out by comparing with the previous event would need that event at hand, which the live stream
 * and a page of history do not always have.)
 */
export const ZConversationChange = z.discriminatedUnion("field", [
  z.object({ field: z.literal("assignee"), from: z.string().nullable(), to: z.string().nullable(), at: z.iso.datetime() }),
  z.object({
    field: z.literal("status"),
    from: z.enum(CONVERSATION_STATUSES),
    to: z.enum(CONVERSATION_STATUSES),
    at: z.iso.datetime(),
  }),
  // Labels by name as they were then: the line still reads right after a label is renamed or deleted.
  z.object({ field: z.literal("labels"), added: z.array(ZLabelRef), removed: z.array(ZLabelRef), at: z.iso.datetime() }),
]);
export type TConversationChange = z.infer<typeof ZConversationChange>;

export interface TActivity {
  /** The event's id in the log: a live copy and a stored one of the same change share it. */
  id: string;
  conversationId: string;
  /** Who made the change; null when nobody in particular did (older events, a customer's message). */
  actor: TAssignmentActor | null;
  change: TConversationChange;
  /** The names of the people it mentions as they were then, by id; absent on older events. */
  names?: Record<string, string>;
}

/** The people a change mentions, by id: who made it, and for an assignment who had and who got it. */
export function peopleIn(actor: TAssignmentActor | null | undefined, change: TConversationChange): string[] {
  const ids = [actor?.kind === "user" ? actor.userId : null, ...(change.field === "assignee" ? [change.from, change.to] : [])];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** The activity a logged event shows, if it is a described change of a conversation. */
export function activityOf(id: string, event: TAppEvent): TActivity | null {
  if (event.type !== "conversation.updated" || !event.change) return null;
  return { id, conversationId: event.conversation.id, actor: event.actor ?? null, change: event.change, ...(event.names ? { names: event.names } : {}) };
}

/**
 * For events stored before changes were described: what differs from the summary before it
 * (`before`, or a new conversation's state). The assignee first: a status difference alongside it
 * was a customer's message reopening the conversation, which wrote no event of this kind then.
 */
export function changeBetween(
  before: Pick<TConversationSummary, "assigneeId" | "status"> | null,
  after: TConversationSummary,
  at: string,
): TConversationChange | null {
  const from = before ?? { assigneeId: null, status: "open" as const };
  if (from.assigneeId !== after.assigneeId) return { field: "assignee", from: from.assigneeId, to: after.assigneeId, at };
  if (from.status !== after.status) return { field: "status", from: from.status, to: after.status, at };
  return null;
}
