// The resume cursor with concurrent writers, on a real PostgreSQL server. An event's id is taken at
// insert and becomes visible at commit: if a smaller id could commit after a reader had moved its
// cursor past a larger one, `id > cursor` would skip it for ever. The first test shows that this
// happens with plain inserts; the second that the app's writes (events/log.ts) cannot do it.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresForThisFile } from "../../../testing/postgres-test-file";
import type { RecordEvent } from "./record";

const databaseUrl = postgresForThisFile();

const readAfter = async (cursor: number) => {
  const { readEventsAfter } = await import("../live/replay");
  const batch = await readEventsAfter(cursor, () => true);
  return { ids: batch.events.map((event) => event.id), cursor: batch.lastId };
};

const event = (userId: string) => ({ type: "access.changed" as const, userId });

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("the event log on PostgreSQL", () => {
  it("without a lock, a smaller id committed last is skipped by a reader that read in between", async () => {
    const first = new pg.Client({ connectionString: databaseUrl() });
    const second = new pg.Client({ connectionString: databaseUrl() });
    await Promise.all([first.connect(), second.connect()]);
    try {
      const insert = `INSERT INTO "Event" ("type", "inboxId", "conversationId", "userId", "payload", "createdAt")
                      VALUES ('access.changed', NULL, NULL, $1, $2, now()) RETURNING "id"`;
      const { cursor: start } = await readAfter(0);
      await first.query("BEGIN");
      const smaller = Number((await first.query<{ id: number }>(insert, ["u1", JSON.stringify(event("u1"))])).rows[0]!.id);
      await second.query("BEGIN");
      const larger = Number((await second.query<{ id: number }>(insert, ["u2", JSON.stringify(event("u2"))])).rows[0]!.id);
      await second.query("COMMIT");
      const between = await readAfter(start);
      expect(between.ids).toEqual([larger]);
      await first.query("COMMIT");
      const after = await readAfter(between.cursor);
      // The hazard itself: the reader never sees `smaller`.
      expect(smaller).toBeLessThan(larger);
      expect(after.ids).not.toContain(smaller);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  it("with the app's writes, a later writer waits for the earlier one, and a reader in between misses nothing", async () => {
    const { writeWithEvents } = await import("./log");
    const { cursor: start } = await readAfter(0);

    const firstRecorded = deferred();
    const releaseFirst = deferred();
    const firstWrite = writeWithEvents(async (_tx, record) => {
      await record({ inboxId: null, conversationId: null, userId: "u3" }, event("u3"));
      firstRecorded.resolve();
      await releaseFirst.promise;
    });
    await firstRecorded.promise;

    let secondDone = false;
    const secondWrite = writeWithEvents(async (_tx, record) => {
      await record({ inboxId: null, conversationId: null, userId: "u4" }, event("u4"));
    }).then(() => (secondDone = true));

    // The second writer is held at its first event until the first one commits.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(secondDone).toBe(false);
    // A client resuming now sees neither event, and its cursor does not move past either.
    const between = await readAfter(start);
    expect(between.ids).toEqual([]);
    expect(between.cursor).toBe(start);

    releaseFirst.resolve();
    await Promise.all([firstWrite, secondWrite]);
    const after = await readAfter(between.cursor);
    expect(after.ids).toHaveLength(2);
    expect(after.ids[0]).toBeLessThan(after.ids[1]!);
  });

  it("keeps every event when many writers commit at once while a reader follows the log", async () => {
    const { writeWithEvents } = await import("./log");
    // The webhook writes through a pool of its own (db/postgres-direct.ts), the rest through Prisma:
    // half the writers take each path, under the same lock.
    const { writePostgresDirectWithEvents: writeDirectWithEvents } = await import("./log");
    // The follower reads on a connection of its own, so it never waits for the writers' pool.
    const follower = new pg.Client({ connectionString: databaseUrl() });
    await follower.connect();
    const readNew = async (after: number) =>
      (await follower.query<{ id: number }>('SELECT "id" FROM "Event" WHERE "id" > $1 ORDER BY "id"', [after])).rows.map((row) => Number(row.id));
    let cursor = (await readAfter(0)).cursor;
    const seen: number[] = [];
    let writing = true;
    const follow = (async () => {
      while (writing) {
        const ids = await readNew(cursor);
        seen.push(...ids);
        cursor = ids.at(-1) ?? cursor;
      }
      seen.push(...(await readNew(cursor)));
      await follower.end();
    })();
    const written = await Promise.all(
      Array.from({ length: 200 }, (_, n) => {
        const write = async (sleep: (seconds: number) => Promise<unknown>, record: RecordEvent) => {
          // Some work before the event, so transactions overlap in time.
          await sleep(0.002);
          await record({ inboxId: null, conversationId: null, userId: `w${n}` }, event(`w${n}`));
          // And some between the event and the commit, so that without the lock ids would commit out of order.
          await sleep((n % 4) / 1000);
        };
        return n % 2 === 0
          ? writeWithEvents((tx, record) => write((seconds) => tx.$executeRawUnsafe(`SELECT pg_sleep(${seconds})`), record))
          : writeDirectWithEvents((sql, record) => write((seconds) => sql.run(`SELECT pg_sleep(${seconds})`), record));
      }),
    ).finally(() => (writing = false));
    await follow;
    expect(written).toHaveLength(200);
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it("stores times in UTC although the server's own time zone is another (America/Sao_Paulo here)", async () => {
    const { writeWithEvents } = await import("./log");
    const before = Date.now();
    await writeWithEvents(async (_tx, record) => {
      await record({ inboxId: null, conversationId: null, userId: "utc" }, event("utc"));
    });
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const { rows } = await client.query<{ zone: string; stored: string }>(
      `SELECT current_setting('TimeZone') AS zone, "createdAt"::text AS stored FROM "Event" WHERE "userId" = 'utc'`,
    );
    await client.end();
    expect(rows[0]!.zone).toBe("America/Sao_Paulo");
    // The column has no zone: its wall-clock text must be UTC's.
    const storedAsUtc = Date.parse(`${rows[0]!.stored.replace(" ", "T")}Z`);
    expect(Math.abs(storedAsUtc - before)).toBeLessThan(60_000);
  });
});
