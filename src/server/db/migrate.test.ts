// The migrations are plain SQL kept beside prisma/schema.prisma; this proves they build exactly
// the database the schema describes, so a schema change without its migration fails here.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrateSqlite } from "./migrate";

const root = path.resolve(import.meta.dirname, "../../..");

/**
 * The structure of a database — each table's columns, foreign keys and indexes — in a form that
 * does not depend on how it was reached: a column added by ALTER TABLE sits last in SQLite's own
 * CREATE text, but is the same column.
 */
function structure(file: string): Record<string, unknown> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const names = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_switchboard_migrations' ORDER BY name`)
      .pluck()
      .all() as string[];
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    return Object.fromEntries(
      names.map((table) => {
        // Without "cid", the position, which ALTER TABLE cannot choose.
        const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string; cid?: number }[])
          .map(({ cid: _position, ...column }) => column)
          .sort(byName);
        const foreignKeys = sqlite.pragma(`foreign_key_list("${table}")`) as Record<string, unknown>[];
        const indexes = (sqlite.pragma(`index_list("${table}")`) as { name: string; unique: number }[])
          .sort(byName)
          .map((index) => ({ ...index, columns: sqlite.pragma(`index_info("${index.name}")`) }));
        return [table, { columns, foreignKeys: foreignKeys.map((key) => JSON.stringify(key)).sort(), indexes }];
      }),
    );
  } finally {
    sqlite.close();
  }
}

describe("migrations", () => {
  it("build the database prisma/schema.prisma describes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-migrations-"));
    const migrated = path.join(dir, "migrated.db");
    migrateSqlite(`file:${migrated}`);

    const expectedSql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "scratch.db")}` } },
    );
    const fromSchema = path.join(dir, "from-schema.db");
    const sqlite = new Database(fromSchema);
    sqlite.exec(expectedSql);
    sqlite.close();

    expect(structure(migrated)).toEqual(structure(fromSchema));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("apply each migration once", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-migrations-"));
    const url = `file:${path.join(dir, "twice.db")}`;
    expect(migrateSqlite(url).length).toBeGreaterThan(0);
    expect(migrateSqlite(url)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
