// A throwaway database for tests that exercise services in-process, migrated the same way the
// server migrates it: a SQLite file, or a database on a PostgreSQL server of its own. Call before
// anything opens the database: the client and the environment are read once per process.
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

/**
 * A migrated database on a PostgreSQL server started for this test file alone (fresh cluster,
 * loopback port); `stop()` ends the server and removes its files. Close the app's client first.
 */
export async function createTempPostgresDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  // Loaded here, so the SQLite tests that share this file do not load PostgreSQL's client.
  const { startPostgres } = await import("./postgres-server");
  const { migratePostgres } = await import("../src/server/db/migrate-postgres");
  const server = await startPostgres();
  try {
    const url = await server.createDatabase("switchboard_unit");
    process.env.DATABASE_URL = url;
    // What the app requires on PostgreSQL (env.ts: every process must share them); test-only values.
    process.env.NEXTAUTH_SECRET = "test-only-session-secret-not-for-use";
    process.env.DATA_ENCRYPTION_KEY = "test-only-data-encryption-key-not-for-use";
    process.env.WHATSAPP_APP_SECRET = "test-only-app-secret";
    process.env.WHATSAPP_VERIFY_TOKEN = "test-only-verify-token";
    await migratePostgres(url);
    return { url, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
