// The event log. A change that clients must see is written together with its event in one
// transaction; the events are published on the bus only after that transaction commits, so a
// subscriber never sees a change that could still roll back, and a replay finds every event.
import { db, type Tx } from "../db/client";
import { prismaSql, type Sql } from "../db/sql";
import { bus, type BusEvent } from "../bus";
import type { TAppEvent } from "@/shared/events";

export interface EventScope {
  inboxId: string | null;
  conversationId: string | null;
  userId?: string | null;
}

export type RecordEvent = (scope: EventScope, event: TAppEvent) => Promise<void>;

async function insertEvent(sql: Sql, scope: EventScope, event: TAppEvent): Promise<BusEvent> {
  const userId = scope.userId ?? null;
  const rows = await sql.all<{ id: number | bigint }>(
    `INSERT INTO "Event" ("type", "inboxId", "conversationId", "userId", "payload", "createdAt") VALUES (?, ?, ?, ?, ?, ?) RETURNING "id"`,
    event.type,
    scope.inboxId,
    scope.conversationId,
    userId,
    JSON.stringify(event),
    new Date(),
  );
  return { id: Number(rows[0]!.id), inboxId: scope.inboxId, conversationId: scope.conversationId, userId, event };
}

/** A RecordEvent that inserts into the log through `sql` and collects what it recorded. */
export function eventRecorder(sql: Sql, recorded: BusEvent[]): RecordEvent {
  return async (scope, event) => {
    recorded.push(await insertEvent(sql, scope, event));
  };
}

/**
 * Runs `work` in one write transaction; the events it records are published once it commits.
 * This is how the app writes through Prisma: a change and its events cannot be separated.
 */
export async function writeWithEvents<T>(work: (tx: Tx, record: RecordEvent) => Promise<T>): Promise<T> {
  const recorded: BusEvent[] = [];
  const result = await db().transaction(async (tx) => work(tx, eventRecorder(prismaSql(tx), recorded)));
  bus().publish(recorded);
  return result;
}
