// Applies the plain-SQL migrations in prisma/migrations/<provider>/ in name order, each once, each
// in its own transaction. Plain SQL (made by `npm run db:sql`) rather than Prisma Migrate, because
// Migrate needs a native engine download and is broken over the Postgres adapter (DESIGN.md).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteFilePath } from "./paths";

export const migrationsDir = path.resolve(import.meta.dirname, "../../../prisma/migrations/sqlite");

export function listMigrations(): { name: string; sql: string }[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => ({ name: file, sql: fs.readFileSync(path.join(migrationsDir, file), "utf8") }));
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
    for (const migration of pending) {
      sqlite.transaction(() => {
        sqlite.exec(migration.sql);
        sqlite
          .prepare('INSERT INTO "_switchboard_migrations" (name, applied_at) VALUES (?, ?)')
          .run(migration.name, new Date().toISOString());
      })();
    }
    return pending.map((migration) => migration.name);
  } finally {
    sqlite.close();
  }
}
