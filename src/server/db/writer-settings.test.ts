// Both connections that write a SQLite database run with the writers' settings (sqlite-pragmas.ts):
// a commit that is not synced survives kill -9 (the tests that kill the server pass either way) but
// not the machine stopping, so only the connections' own answer shows it.
import { afterAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../../../testing/temp-db";

createTempDatabase();
const { db, closeDb } = await import("./client");
const { directWriter, closeDirectWriter } = await import("./direct-writer");

const FULL = 2;
const MEMORY = 2;

afterAll(async () => {
  closeDirectWriter();
  await closeDb();
});

describe("SQLite writers' settings", () => {
  it("syncs every commit and keeps savepoints' undo in memory on the webhook's connection", async () => {
    const [sync] = await directWriter().sql.all<{ synchronous: number }>("PRAGMA synchronous");
    const [temp] = await directWriter().sql.all<{ temp_store: number }>("PRAGMA temp_store");
    expect(sync?.synchronous).toBe(FULL);
    expect(temp?.temp_store).toBe(MEMORY);
  });

  it("does the same on Prisma's writer, where replies and every other change are written", async () => {
    const settings = await db().transaction(async (tx) => ({
      sync: await tx.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous"),
      temp: await tx.$queryRawUnsafe<{ temp_store: bigint }[]>("PRAGMA temp_store"),
      keys: await tx.$queryRawUnsafe<{ foreign_keys: bigint }[]>("PRAGMA foreign_keys"),
    }));
    expect(Number(settings.sync[0]?.synchronous)).toBe(FULL);
    expect(Number(settings.temp[0]?.temp_store)).toBe(MEMORY);
    expect(Number(settings.keys[0]?.foreign_keys)).toBe(1);
  });
});
