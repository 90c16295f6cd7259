// The event log. A change that clients must see is written together with its event in one
// transaction; the events are published on the bus only after that transaction commits, so a
// subscriber never sees a change that could still roll back, and a replay finds every event.
import { db, type Tx } from "../db/client";
import { postgresDirect } from "../db/postgres-direct";
import { prismaSql, type Sql } from "../db/sql";
import { bus, type BusEvent } from "../bus";
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

/**
 * The one home of "published once committed": runs `work` in the transaction `transaction` opens,
 * recording its events through that transaction's SQL, and publishes them after the commit.
 */
async function commitThenPublish<C, T>(
  transaction: (inside: (client: C) => Promise<T>) => Promise<T>,
  sqlOf: (client: C) => Sql,
  work: (client: C, record: RecordEvent) => Promise<T>,
): Promise<T> {
  const recorded: BusEvent[] = [];
  const result = await transaction((client) => work(client, eventRecorder(sqlOf(client), recorded)));
  bus().publish(recorded);
  return result;
}

/**
 * Runs `work` in one write transaction; the events it records are published once it commits.
 * This is how the app writes through Prisma: a change and its events cannot be separated.
 */
export const writeWithEvents = <T>(work: (tx: Tx, record: RecordEvent) => Promise<T>): Promise<T> =>
  commitThenPublish((inside) => db().transaction(inside), prismaSql, work);

/** The same in plain SQL, on PostgreSQL's pool of the hot paths (db/postgres-direct.ts): the webhook's writes. */
export const writePostgresDirectWithEvents = <T>(work: (sql: Sql, record: RecordEvent) => Promise<T>): Promise<T> =>
  commitThenPublish((inside) => postgresDirect().transaction(inside), (sql: Sql) => sql, work);
