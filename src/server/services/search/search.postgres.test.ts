// Conversation search on PostgreSQL (the GIN index of migration 0003 and postgres.ts): the
// same cases as on SQLite (./cases.ts), on a throwaway server of this file's own.
import { afterAll } from "vitest";
import { createTempPostgresDatabase } from "../../../../testing/temp-db";

const database = await createTempPostgresDatabase();
const { searchBehaviour } = await import("./cases");
const { closeDb } = await import("../../db/client");

searchBehaviour("postgresql");
afterAll(async () => {
  await closeDb();
  await database.stop();
});
