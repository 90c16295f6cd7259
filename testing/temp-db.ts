// A throwaway SQLite database for tests that exercise services in-process: a real file, migrated
// the same way the server migrates it. Call before anything opens the database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateSqlite } from "../src/server/db/migrate";

export function createTempDatabase(): { url: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-unit-"));
  const url = `file:${path.join(dir, "switchboard.db")}`;
  process.env.DATABASE_URL = url;
  migrateSqlite(url);
  return { url, dir };
}
