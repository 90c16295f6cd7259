// Recording an event: the row written into the log through the transaction's own SQL, and what
// the bus will carry once that transaction commits (./log.ts publishes it). Plain SQL only, so the
// webhook's store thread records events without loading Prisma or the bus.
import type { BusEvent } from "../bus/types";
import type { Sql } from "../db/sql";
import type { TAppEvent } from "@/shared/events";

/** Who an event is for (decided by canSeeEvent in services/access.ts) and what it is about. */
export interface EventScope {
  inboxId: string | null;
  conversationId: string | null;
  userId?: string | null;
  /** Every signed-in user; only with no inbox and no user. */
  team?: boolean;
}

/** The scope of a change that concerns the whole team: one event that every signed-in user receives. */
export const TEAM_WIDE: EventScope = { inboxId: null, conversationId: null, team: true };

export type RecordEvent = (scope: EventScope, event: TAppEvent) => Promise<void>;

/**
 * On PostgreSQL an event's id is taken at insert and becomes visible at commit; with two writers a
 * smaller id could become visible after a larger one was delivered, and a cursor past the larger
 * one would skip it for ever. So a transaction takes this lock (held until it commits or rolls
 * back) before its first event: transactions that write events commit one after another, ids become
 * visible in order, and everything up to the newest visible id is a prefix of the log — `id >
 * cursor` then misses nothing, on any process, after any restart. The cost is that writers of
 * events queue from their first event to their commit; events are recorded last in each write to
 * keep that short. (SQLite needs none of this: it has one writer at a time.)
 */
export const EVENT_LOG_LOCK = 0x5357_4c4f_47; // "SWLOG"

async function lockEventLog(sql: Sql): Promise<void> {
  if (sql.provider === "postgresql") await sql.run(`SELECT pg_advisory_xact_lock(${EVENT_LOG_LOCK})`);
}

/**
 * Takes the event log's lock now, before the transaction's first event: for a write whose reads
 * must be ordered with other writers' (a read count, messages/unread.ts). The lock is re-entrant.
 */
export const holdEventLog = lockEventLog;

async function insertEvent(sql: Sql, scope: EventScope, event: TAppEvent): Promise<BusEvent> {
  const userId = scope.userId ?? null;
  const team = scope.team === true;
  if (team && (userId !== null || scope.inboxId !== null)) throw new Error("a team-wide event is addressed to no inbox and no one user");
  // The flag as a literal: both databases read TRUE/FALSE, and not every driver binds a boolean.
  const rows = await sql.all<{ id: number | bigint }>(
    `INSERT INTO "Event" ("type", "inboxId", "conversationId", "userId", "team", "payload", "createdAt") VALUES (?, ?, ?, ?, ${team ? "TRUE" : "FALSE"}, ?, ?) RETURNING "id"`,
    event.type,
    scope.inboxId,
    scope.conversationId,
    userId,
    JSON.stringify(event),
    new Date(),
  );
  return { id: Number(rows[0]!.id), inboxId: scope.inboxId, conversationId: scope.conversationId, userId, team, event };
}

/** A RecordEvent that inserts into the log through `sql` and collects what it recorded. */
export function eventRecorder(sql: Sql, recorded: BusEvent[]): RecordEvent {
  let locked = false;
  return async (scope, event) => {
    if (!locked) await lockEventLog(sql);
    locked = true;
    recorded.push(await insertEvent(sql, scope, event));
  };
}
