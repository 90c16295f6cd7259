// Applies the plain-SQL migrations in prisma/migrations/<provider>/ in name order, each once, each
// in its own transaction. Plain SQL (made by `npm run db:sql`) rather than Prisma Migrate, because
// Migrate needs a native engine download and is broken over the Postgres adapter (DESIGN.md).
// This file: the list, and SQLite's runner; PostgreSQL's is ./migrate-postgres.ts.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteFilePath } from "./paths";
import type { Provider } from "./provider";

export const migrationsDirOf = (provider: Provider) => path.resolve(import.meta.dirname, "../../../prisma/migrations", provider);
export const migrationsDir = migrationsDirOf("sqlite");

/**
 * Full-text indexes that the migrations create beside the schema (Prisma does not model virtual
 * tables); FTS5 keeps its data in shadow tables named after them (`MessageSearch_data`, …).
 */
export const FULL_TEXT_TABLES = ["MessageSearch", "ContactSearch"] as const;

export function listMigrations(provider: Provider = "sqlite"): { name: string; sql: string }[] {
  const dir = migrationsDirOf(provider);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => ({ name: file, sql: fs.readFileSync(path.join(dir, file), "utf8") }));
}

/** Creates the database file if needed, turns on WAL, applies pending migrations; returns their names. */
export function migrateSqlite(databaseUrl: string): string[] {
  const file = sqliteFilePath(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    // WAL lets readers go on while the single writer commits; it is a property of the file.
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS "_switchboard_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(
      sqlite
        .prepare('SELECT name FROM "_switchboard_migrations"')
        .all()
        .map((row) => (row as { name: string }).name),
    );
    const pending = listMigrations().filter((migration) => !applied.has(migration.name));
    // A migration that rebuilds a table drops the old one; with foreign keys on, that would cascade
    // to (or be refused by) the rows that point at it. SQLite ignores this pragma inside a
    // transaction, so it is set around them, and the keys are checked before each commit instead.
    sqlite.pragma("foreign_keys = OFF");
    for (const migration of pending) {
      sqlite.transaction(() => {
        sqlite.exec(migration.sql);
        const broken = sqlite.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) {
          throw new Error(`${migration.name} leaves ${broken.length} broken foreign keys: ${JSON.stringify(broken.slice(0, 3))}`);
        }
        sqlite
          .prepare('INSERT INTO "_switchboard_migrations" (name, applied_at) VALUES (?, ?)')
          .run(migration.name, new Date().toISOString());
      })();
    }
    sqlite.pragma("foreign_keys = ON");
    return pending.map((migration) => migration.name);
  } finally {
    sqlite.close();
  }
}
