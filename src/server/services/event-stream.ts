// The live stream of one user: the events they may see, in log order, each once. A resuming
// client passes the id of the last event it received. We subscribe to the bus first, then replay
// the log after that cursor, then drain the live queue, skipping what the replay already sent —
// so no event is lost between the replay and the live stream, and none is sent twice.
import { bus, type BusEvent } from "../bus";
import { db } from "../db/client";
import { logger } from "../logger";
import { ZAppEvent, type TLoggedEvent } from "@/shared/events";
import { canSeeEvent, reloadAccess, type Access } from "./access";

const REPLAY_BATCH = 500;

export async function latestEventId(): Promise<number> {
  const last = await db().read.event.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0;
}

export function parseCursor(lastEventId: string | null | undefined): number | null {
  if (lastEventId === null || lastEventId === undefined || !/^\d+$/.test(lastEventId)) return null;
  return Number(lastEventId);
}

function toLogged(event: BusEvent): TLoggedEvent {
  return { ...event.event, id: String(event.id) };
}

async function* replayAfter(access: Access, cursor: number): AsyncGenerator<BusEvent> {
  for (;;) {
    const rows = await db().read.event.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: REPLAY_BATCH });
    for (const row of rows) {
      cursor = row.id;
      if (!canSeeEvent(access, row)) continue;
      const parsed = ZAppEvent.safeParse(JSON.parse(row.payload));
      if (!parsed.success) {
        logger.error("stored event does not match its schema; skipped", { id: row.id, type: row.type });
        continue;
      }
      yield { id: row.id, inboxId: row.inboxId, conversationId: row.conversationId, userId: row.userId, event: parsed.data };
    }
    if (rows.length < REPLAY_BATCH) return;
  }
}

/** Whether this event tells the stream's own user that what they may see has changed. */
const changesAccessOf = (access: Access, event: BusEvent) =>
  event.event.type === "access.changed" && event.userId === access.userId;

/**
 * Every event the user may see after `lastEventId` (or from now, when null), until `signal` aborts
 * or the user is deactivated. Visibility is decided per event with the user's access as it is at
 * that point of the log: an `access.changed` event for them re-reads it before anything after it.
 */
export async function* streamEvents(
  initialAccess: Access,
  lastEventId: string | null | undefined,
  signal: AbortSignal,
): AsyncGenerator<TLoggedEvent> {
  const live = bus().subscribe(signal);
  let access = initialAccess;
  let cursor = parseCursor(lastEventId) ?? (await latestEventId());

  // The replay reads the access it started with: it is the user's access as of now, since it was
  // loaded after the changes being replayed. Only a change during the replay needs a re-read.
  for await (const event of replayAfter(access, cursor)) {
    if (signal.aborted) return;
    cursor = event.id;
    yield toLogged(event);
  }
  for await (const event of live) {
    if (event.id <= cursor) continue;
    cursor = event.id;
    if (changesAccessOf(access, event)) {
      const reloaded = await reloadAccess(access.userId);
      if (!reloaded) return;
      access = reloaded;
    }
    if (canSeeEvent(access, event)) yield toLogged(event);
  }
}
