// The migrations are plain SQL kept beside prisma/schema.prisma; this proves they build exactly
// the database the schema describes, so a schema change without its migration fails here.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FULL_TEXT_TABLES, listMigrations, migrateSqlite } from "./migrate";
import { UNREAD_COUNTED, UNREAD_HISTORY } from "../../../testing/migration-fixtures";

const isFullTextTable = (name: string) =>
  FULL_TEXT_TABLES.some((table) => name === table || name.startsWith(`${table}_`));

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
      .all()
      .filter((name) => !isFullTextTable(name as string)) as string[];
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    return Object.fromEntries(
      names.map((table) => {
        // Without "cid", the position, which ALTER TABLE cannot choose.
        const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string; cid?: number }[])
          .map(({ cid: _position, ...column }) => column)
          .sort(byName);
        const foreignKeys = sqlite.pragma(`foreign_key_list("${table}")`) as Record<string, unknown>[];
        // Without "seq", the order the indexes were created in.
        const indexes = (sqlite.pragma(`index_list("${table}")`) as { name: string; unique: number; seq?: number }[])
          .sort(byName)
          .map(({ seq: _order, ...index }) => ({ ...index, columns: sqlite.pragma(`index_info("${index.name}")`) }));
        return [table, { columns, foreignKeys: foreignKeys.map((key) => JSON.stringify(key)).sort(), indexes }];
      }),
    );
  } finally {
    sqlite.close();
  }
}

/** A database file migrated up to (not including) the migration named `before`, still open to fill. */
function databaseBefore(before: string, name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-migrations-"));
  const file = path.join(dir, name);
  const old = new Database(file);
  old.exec('CREATE TABLE "_switchboard_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const migration of listMigrations().filter((migration) => migration.name < before)) {
    old.exec(migration.sql);
    old.prepare('INSERT INTO "_switchboard_migrations" VALUES (?, ?)').run(migration.name, new Date().toISOString());
  }
  return { dir, file, old };
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

  it("create the full-text index beside the schema's tables", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-migrations-"));
    const file = path.join(dir, "search.db");
    migrateSqlite(`file:${file}`);
    const sqlite = new Database(file, { readonly: true });
    const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    sqlite.close();
    expect(tables).toEqual(expect.arrayContaining([...FULL_TEXT_TABLES]));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keep every row when a later migration rebuilds the tables they point at", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-migrations-"));
    const file = path.join(dir, "upgrade.db");
    const [first, second] = listMigrations();
    const old = new Database(file);
    old.exec('CREATE TABLE "_switchboard_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const migration of [first!, second!]) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO "_switchboard_migrations" VALUES (?, ?)').run(migration.name, new Date().toISOString());
    }
    old.exec(`
      INSERT INTO "User" (id, email, name, passwordHash, role) VALUES ('u1', 'a@example.com', 'A', 'x', 'agent');
      INSERT INTO "Inbox" (id, name, phoneNumberId) VALUES ('i1', 'Support', '1');
      INSERT INTO "Contact" (id, waId, name) VALUES ('c1', '15550001', 'Ann');
      INSERT INTO "Conversation" (id, inboxId, contactId, lastMessageAt, assigneeId) VALUES ('v1', 'i1', 'c1', 0, 'u1');
      INSERT INTO "Message" (id, conversationId, direction, type, body, status, timestamp, sortKey)
        VALUES ('m1', 'v1', 'inbound', 'text', 'where is my parcel', 'received', 0, 'k1');
      INSERT INTO "ConversationReadState" (userId, conversationId, lastReadKey) VALUES ('u1', 'v1', 'k1');
      INSERT INTO "Event" (type, inboxId, payload) VALUES ('x', 'i1', '{}');`);
    old.close();

    expect(migrateSqlite(`file:${file}`).length).toBeGreaterThan(0);
    const sqlite = new Database(file, { readonly: true });
    const count = (table: string) => sqlite.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get();
    expect([count("Conversation"), count("Message"), count("ConversationReadState"), count("Event")]).toEqual([1, 1, 1, 1]);
    expect(sqlite.prepare(`SELECT "messageId" FROM "MessageSearch" WHERE "MessageSearch" MATCH 'parcel'`).pluck().all()).toEqual(["m1"]);
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("give each inbox its own copy of a contact it shared with another inbox, and keep pending statuses", () => {
    const { dir, file, old } = databaseBefore("0007", "isolation.db");
    old.exec(`
      INSERT INTO "Inbox" (id, name, phoneNumberId) VALUES ('ia', 'A', '1'), ('ib', 'B', '2');
      INSERT INTO "Contact" (id, waId, name) VALUES ('c1', '15550001', 'Ann'), ('c2', '15550002', 'Bob'), ('orphan', '15550003', 'Nobody');
      INSERT INTO "Conversation" (id, inboxId, contactId, lastMessageAt) VALUES ('va', 'ia', 'c1', 0), ('vb', 'ib', 'c1', 0), ('v2', 'ib', 'c2', 0);
      INSERT INTO "PendingStatus" (wamid, status, timestamp) VALUES ('wamid.X', 'delivered', 0);`);
    old.close();

    expect(migrateSqlite(`file:${file}`)).toContain("0007_inbox_isolation.sql");
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.prepare(`SELECT id, inboxId, waId, name FROM "Contact" ORDER BY id`).all()).toEqual([
      { id: "c1", inboxId: "ia", waId: "15550001", name: "Ann" },
      { id: "c1.ib", inboxId: "ib", waId: "15550001", name: "Ann" },
      { id: "c2", inboxId: "ib", waId: "15550002", name: "Bob" },
    ]);
    expect(sqlite.prepare(`SELECT id, contactId FROM "Conversation" ORDER BY id`).all()).toEqual([
      { id: "v2", contactId: "c2" },
      { id: "va", contactId: "c1" },
      { id: "vb", contactId: "c1.ib" },
    ]);
    expect(sqlite.prepare(`SELECT inboxId, wamid FROM "PendingStatus" ORDER BY inboxId`).all()).toEqual([
      { inboxId: "ia", wamid: "wamid.X" },
      { inboxId: "ib", wamid: "wamid.X" },
    ]);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keep the newest message's type and own words as each conversation's preview", () => {
    const { dir, file, old } = databaseBefore("0021", "previews.db");
    old.exec(`
      INSERT INTO "Inbox" (id, name, phoneNumberId) VALUES ('i1', 'Support', '1');
      INSERT INTO "Contact" (id, inboxId, waId, name) VALUES ('c1', 'i1', '15550001', 'Ann'), ('c2', 'i1', '15550002', 'Bob'), ('c3', 'i1', '15550003', 'Cy');
      INSERT INTO "Conversation" (id, inboxId, contactId, lastMessageAt, lastPreview, lastMessageKey) VALUES
        ('photo', 'i1', 'c1', 0, '📷 Photo: the box', 'k2'), ('text', 'i1', 'c2', 0, 'hello', 'k3'), ('empty', 'i1', 'c3', 0, '', '');
      INSERT INTO "Message" (id, conversationId, direction, type, body, status, timestamp, sortKey) VALUES
        ('m1', 'photo', 'inbound', 'text', 'earlier words', 'received', 0, 'k1'),
        ('m2', 'photo', 'inbound', 'image', 'the box', 'received', 0, 'k2'),
        ('m3', 'text', 'inbound', 'text', 'hello', 'received', 0, 'k3');`);
    old.close();

    expect(migrateSqlite(`file:${file}`)).toContain("0021_preview_type.sql");
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.prepare(`SELECT id, lastPreviewType, lastPreview FROM "Conversation" ORDER BY id`).all()).toEqual([
      { id: "empty", lastPreviewType: "text", lastPreview: "" },
      { id: "photo", lastPreviewType: "image", lastPreview: "the box" },
      { id: "text", lastPreviewType: "text", lastPreview: "hello" },
    ]);
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("count each conversation's inbound messages, and those each reader has read", () => {
    const { dir, file, old } = databaseBefore("0022", "unread.db");
    old.exec(UNREAD_HISTORY);
    old.close();

    expect(migrateSqlite(`file:${file}`)).toContain("0022_unread_counts.sql");
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.prepare(`SELECT id, inboundCount FROM "Conversation" ORDER BY id`).all()).toEqual(UNREAD_COUNTED.conversations);
    expect(sqlite.prepare(`SELECT userId, conversationId, inboxId, readInboundCount FROM "ConversationReadState" ORDER BY userId, conversationId`).all()).toEqual(UNREAD_COUNTED.reads);
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("apply each migration once", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-migrations-"));
    const url = `file:${path.join(dir, "twice.db")}`;
    expect(migrateSqlite(url).length).toBeGreaterThan(0);
    expect(migrateSqlite(url)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
