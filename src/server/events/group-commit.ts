// The webhook's writes, through the direct SQLite connection, committed in groups: deliveries that
// arrive while a transaction is being written wait for the next one, which takes them all. Each
// delivery runs in a savepoint of its own, so one that fails is rolled back alone and the others
// commit; each is answered after the commit that holds it, and its events are published then.
// With WAL and synchronous=FULL (../db/sqlite-pragmas.ts) every commit is an fsync; a group pays for one.
// On PostgreSQL each delivery is its own transaction on the hot paths' pg pool (db/postgres-direct.ts).
import { directWriter } from "../db/direct-writer";
import { writeLock } from "../db/write-lock";
import { bus, type BusEvent } from "../bus";
import { db } from "../db/client";
import type { Sql } from "../db/sql";
import { eventRecorder, writePostgresDirectWithEvents, type RecordEvent } from "./log";

interface Pending {
  /** Runs the delivery's work; what it returns settles the caller once the group has committed. */
  attempt(sql: Sql, record: RecordEvent): Promise<() => void>;
  reject(error: unknown): void;
}

/** A bound on one group, so a flood of deliveries still commits (and is answered) in steps. */
const MAX_GROUP = 64;

let queue: Pending[] = [];
let flushing = false;
let scheduled = false;

async function commitGroup(group: Pending[]): Promise<void> {
  const writer = directWriter();
  const outcomes: { pending: Pending; recorded: BusEvent[]; settle: (() => void) | null; error?: unknown }[] = [];
  await writeLock().runExclusive(async () => {
    writer.exec("BEGIN IMMEDIATE");
    try {
      for (const pending of group) {
        const recorded: BusEvent[] = [];
        writer.exec("SAVEPOINT delivery");
        try {
          const settle = await pending.attempt(writer.sql, eventRecorder(writer.sql, recorded));
          writer.exec("RELEASE delivery");
          outcomes.push({ pending, recorded, settle });
        } catch (error) {
          writer.exec("ROLLBACK TO delivery");
          writer.exec("RELEASE delivery");
          outcomes.push({ pending, recorded: [], settle: null, error });
        }
      }
      writer.exec("COMMIT");
    } catch (error) {
      writer.exec("ROLLBACK");
      throw error;
    }
  });
  for (const { pending, recorded, settle, error } of outcomes) {
    if (!settle) pending.reject(error);
    else {
      bus().publish(recorded);
      settle();
    }
  }
}

async function flush(): Promise<void> {
  scheduled = false;
  flushing = true;
  try {
    while (queue.length > 0) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(group.length);
      await commitGroup(group).catch((error: unknown) => group.forEach((pending) => pending.reject(error)));
    }
  } finally {
    flushing = false;
  }
}

/**
 * Runs `work` inside a write transaction on the direct connection, possibly together with other
 * deliveries' work; resolves once it is committed and its events are published. `work` must only
 * write through the `sql` it is given.
 */
export function writeDirectWithEvents<T>(work: (sql: Sql, record: RecordEvent) => Promise<T>): Promise<T> {
  // PostgreSQL takes concurrent transactions itself (grouping is SQLite's answer to one writer).
  if (db().provider === "postgresql") return writePostgresDirectWithEvents(work);
  return new Promise<T>((resolve, reject) => {
    queue.push({
      attempt: async (sql, record) => {
        const result = await work(sql, record);
        return () => resolve(result);
      },
      reject,
    });
    if (flushing || scheduled) return;
    // One turn of the event loop: deliveries whose bodies arrived in the same turn join this group.
    scheduled = true;
    setImmediate(() => void flush());
  });
}
