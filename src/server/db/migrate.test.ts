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

function tables(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite
      .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != '_switchboard_migrations' ORDER BY type, name`)
      .all()
      .map((row) => JSON.stringify(row).replace(/\s+/g, " "));
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

    expect(tables(migrated)).toEqual(tables(fromSchema));
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
