// PostgreSQL's migration runner: the same plain-SQL files as SQLite's (prisma/migrations/postgresql),
// applied in name order, each once, each in its own transaction. Several processes may start at
// once: an advisory lock lets the first do the start-up work (migrations, and whatever else must
// happen once: the default inbox, the first users) while the others wait for it, then find
// nothing left to do.
import pg from "pg";
import { listMigrations } from "./migrate";
import { UTC_SESSION } from "./postgres-database";

const STARTUP_LOCK = 0x5357_4d49_47; // "SWMIG"

/** Runs `work` holding the database's start-up lock, on a connection of its own. */
export async function withStartupLock<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, options: UTC_SESSION });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${STARTUP_LOCK})`);
    return await work(client);
  } finally {
    // Ending the session releases the advisory lock too, also when the work failed.
    await client.end();
  }
}

/** Applies what is pending; the caller holds the start-up lock. */
export async function applyPendingMigrations(client: pg.Client): Promise<string[]> {
  await client.query('CREATE TABLE IF NOT EXISTS "_switchboard_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)');
  const { rows } = await client.query<{ name: string }>('SELECT name FROM "_switchboard_migrations"');
  const applied = new Set(rows.map((row) => row.name));
  const pending = listMigrations("postgresql").filter((migration) => !applied.has(migration.name));
  for (const migration of pending) {
    await client.query("BEGIN");
    try {
      await client.query(migration.sql);
      await client.query('INSERT INTO "_switchboard_migrations" (name, applied_at) VALUES ($1, now())', [migration.name]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw new Error(`migration ${migration.name} failed: ${String(error)}`, { cause: error });
    }
  }
  return pending.map((migration) => migration.name);
}

export const migratePostgres = (databaseUrl: string): Promise<string[]> => withStartupLock(databaseUrl, applyPendingMigrations);
