// The webhook's pool on PostgreSQL (./postgres-direct.ts), on a real server: what it writes and
// reads back is what Prisma writes and reads (times in UTC whatever this process's zone, counts as
// numbers), and a transaction that fails leaves nothing behind and its connection usable.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { postgresForThisFile } from "../../../testing/postgres-test-file";

const databaseUrl = postgresForThisFile();

async function storedText(sql: string, params: unknown[]): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<{ stored: string }>(sql, params)).rows[0]?.stored;
  } finally {
    await client.end();
  }
}

describe("the direct pool on PostgreSQL", () => {
  it("writes and reads times as UTC although this process's own zone is another", async () => {
    const { postgresDirect } = await import("./postgres-direct");
    const { db } = await import("./client");
    const zone = process.env.TZ;
    process.env.TZ = "America/Sao_Paulo";
    try {
      // 02:30 UTC is 23:30 of the day before in São Paulo: a local-time slip would show in the date too.
      const at = new Date("2026-03-01T02:30:00.123Z");
      expect(at.getDate()).toBe(28);
      await postgresDirect().transaction((sql) =>
        sql.run(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, ?, ?)`, "direct.utc", "{}", at),
      );
      expect(await storedText(`SELECT "updatedAt"::text AS stored FROM "Setting" WHERE "key" = $1`, ["direct.utc"])).toBe("2026-03-01 02:30:00.123");

      const [direct] = await postgresDirect().sql.all<{ updatedAt: Date }>(`SELECT "updatedAt" FROM "Setting" WHERE "key" = ?`, "direct.utc");
      expect(direct?.updatedAt.toISOString()).toBe(at.toISOString());
      const viaPrisma = await db().read.setting.findUnique({ where: { key: "direct.utc" } });
      expect(viaPrisma?.updatedAt.toISOString()).toBe(at.toISOString());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("reads counts and ids as numbers, as Prisma does", async () => {
    const { postgresDirect } = await import("./postgres-direct");
    const [row] = await postgresDirect().sql.all<{ count: unknown }>(`SELECT COUNT(*) AS "count" FROM "Setting"`);
    expect(typeof row?.count).toBe("number");
  });

  it("rolls a failed transaction back, events and all, and goes on with the next", async () => {
    const { writePostgresDirectWithEvents: writeDirectWithEvents } = await import("../events/log");
    const { postgresDirect } = await import("./postgres-direct");
    const eventsOf = async (userId: string) =>
      (await postgresDirect().sql.all<{ id: number }>(`SELECT "id" FROM "Event" WHERE "userId" = ?`, userId)).length;

    // More failures than the pool has connections: each must come back to it usable.
    for (let round = 0; round < 6; round++) {
      await expect(
        writeDirectWithEvents(async (sql, record) => {
          await record({ inboxId: null, conversationId: null, userId: "direct.failed" }, { type: "access.changed", userId: "direct.failed" });
          await sql.run(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, ?, ?)`, "direct.failed", "{}", new Date());
          await sql.run(`SELECT * FROM "NoSuchTable"`);
        }),
      ).rejects.toThrow(/NoSuchTable/);
    }
    expect(await eventsOf("direct.failed")).toBe(0);
    expect(await postgresDirect().sql.all(`SELECT 1 FROM "Setting" WHERE "key" = ?`, "direct.failed")).toEqual([]);

    await writeDirectWithEvents((_sql, record) => record({ inboxId: null, conversationId: null, userId: "direct.next" }, { type: "access.changed", userId: "direct.next" }));
    expect(await eventsOf("direct.next")).toBe(1);
  });
});
