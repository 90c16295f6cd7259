// Conversation search against a real SQLite file migrated like the server's. The cases are shared
// with search.postgres.test.ts: ./cases.ts.
import fs from "node:fs";
import { afterAll } from "vitest";
import { createTempDatabase } from "../../../../testing/temp-db";

const database = createTempDatabase();
const { searchBehaviour } = await import("./cases");

searchBehaviour("sqlite");
afterAll(() => fs.rmSync(database.dir, { recursive: true, force: true }));
