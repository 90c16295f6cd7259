// The event log. A change that clients must see is written together with its event in one
// transaction; the events are published on the bus only after that transaction commits, so a
// subscriber never sees a change that could still roll back, and a replay finds every event.
import { db, type Tx } from "../db/client";
import { postgresDirect } from "../db/postgres-direct";
import type { Sql } from "../db/sql";
import { prismaSql } from "../db/prisma-sql";
import { bus, type BusEvent } from "../bus";
import { eventRecorder, type RecordEvent } from "./record";

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
