// PostgreSQL's migrations are plain SQL too (prisma/migrations/postgresql). These prove, on a real
// server, that they build exactly the database prisma/postgres/schema.prisma describes, that that
// schema is the one derived from prisma/schema.prisma, and that several processes starting at
// once migrate once.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type PostgresServer } from "../../../testing/postgres-server";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "../../../scripts/postgres-schema";
import { listMigrations } from "./migrate";
import { migratePostgres } from "./migrate-postgres";
import { UNREAD_COUNTED, UNREAD_HISTORY } from "../../../testing/migration-fixtures";

const root = path.resolve(import.meta.dirname, "../../..");
let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** What was written by hand beside the schema (search, bytewise sort keys): not Prisma's to know. */
const HAND_WRITTEN_INDEXES = new Set(["Message_body_search_idx"]);

async function structure(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_switchboard_migrations'
        ORDER BY table_name, column_name`,
    );
    const indexes = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_switchboard_migrations' ORDER BY indexname`,
    );
    const constraints = await client.query(
      `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conname <> '_switchboard_migrations_pkey' ORDER BY conname`,
    );
    return {
      columns: columns.rows,
      indexes: indexes.rows.filter((row) => !HAND_WRITTEN_INDEXES.has(row.indexname)),
      constraints: constraints.rows,
    };
  } finally {
    await client.end();
  }
}

/** A database migrated up to (not including) the migration named `before`, with a client to fill it. */
async function databaseBefore(before: string, name: string) {
  const url = await server.createDatabase(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE "_switchboard_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)');
  for (const migration of listMigrations("postgresql").filter((migration) => migration.name < before)) {
    await client.query(migration.sql);
    await client.query('INSERT INTO "_switchboard_migrations" VALUES ($1, now())', [migration.name]);
  }
  return { url, client };
}

describe("PostgreSQL migrations", () => {
  it("use the schema derived from prisma/schema.prisma (run `npm run db:sql` after changing it)", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("build the database prisma/postgres/schema.prisma describes", async () => {
    const migrated = await server.createDatabase("migrated");
    await migratePostgres(migrated);
    const fromSchema = await server.createDatabase("from_schema");
    const sql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--config", "prisma/postgres.config.ts", "--from-empty", "--to-schema-datamodel", POSTGRES_SCHEMA, "--script"],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: fromSchema } },
    );
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(sql);
    await client.end();
    const [actual, expected] = await Promise.all([structure(migrated), structure(fromSchema)]);
    expect(actual).toEqual(expected);
  }, 60_000);

  it("give each inbox its own copy of a contact it shared with another inbox, and keep pending statuses", async () => {
    const { url, client } = await databaseBefore("0007", "isolation");
    try {
      await client.query(`
        INSERT INTO "Inbox" (id, name, "phoneNumberId") VALUES ('ia', 'A', '1'), ('ib', 'B', '2');
        INSERT INTO "Contact" (id, "waId", name) VALUES ('c1', '15550001', 'Ann'), ('c2', '15550002', 'Bob'), ('orphan', '15550003', 'Nobody');
        INSERT INTO "Conversation" (id, "inboxId", "contactId", "lastMessageAt") VALUES ('va', 'ia', 'c1', now()), ('vb', 'ib', 'c1', now()), ('v2', 'ib', 'c2', now());
        INSERT INTO "PendingStatus" (wamid, status, timestamp) VALUES ('wamid.X', 'delivered', now());`);
      expect(await migratePostgres(url)).toContain("0007_inbox_isolation.sql");
      const rows = async (sql: string) => (await client.query(sql)).rows;
      expect(await rows(`SELECT id, "inboxId", "waId", name FROM "Contact" ORDER BY id`)).toEqual([
        { id: "c1", inboxId: "ia", waId: "15550001", name: "Ann" },
        { id: "c1.ib", inboxId: "ib", waId: "15550001", name: "Ann" },
        { id: "c2", inboxId: "ib", waId: "15550002", name: "Bob" },
      ]);
      expect(await rows(`SELECT id, "contactId" FROM "Conversation" ORDER BY id`)).toEqual([
        { id: "v2", contactId: "c2" },
        { id: "va", contactId: "c1" },
        { id: "vb", contactId: "c1.ib" },
      ]);
      expect(await rows(`SELECT "inboxId", wamid FROM "PendingStatus" ORDER BY "inboxId"`)).toEqual([
        { inboxId: "ia", wamid: "wamid.X" },
        { inboxId: "ib", wamid: "wamid.X" },
      ]);
    } finally {
      await client.end();
    }
  }, 60_000);

  it("keep the newest message's type and own words as each conversation's preview", async () => {
    const { url, client } = await databaseBefore("0021", "previews");
    try {
      await client.query(`
        INSERT INTO "Inbox" (id, name, "phoneNumberId") VALUES ('i1', 'Support', '1');
        INSERT INTO "Contact" (id, "inboxId", "waId", name) VALUES ('c1', 'i1', '15550001', 'Ann'), ('c2', 'i1', '15550002', 'Bob'), ('c3', 'i1', '15550003', 'Cy');
        INSERT INTO "Conversation" (id, "inboxId", "contactId", "lastMessageAt", "lastPreview", "lastMessageKey") VALUES
          ('photo', 'i1', 'c1', now(), '📷 Photo: the box', 'k2'), ('text', 'i1', 'c2', now(), 'hello', 'k3'), ('empty', 'i1', 'c3', now(), '', '');
        INSERT INTO "Message" (id, "conversationId", direction, type, body, status, timestamp, "sortKey") VALUES
          ('m1', 'photo', 'inbound', 'text', 'earlier words', 'received', now(), 'k1'),
          ('m2', 'photo', 'inbound', 'image', 'the box', 'received', now(), 'k2'),
          ('m3', 'text', 'inbound', 'text', 'hello', 'received', now(), 'k3');`);
      expect(await migratePostgres(url)).toContain("0021_preview_type.sql");
      expect((await client.query(`SELECT id, "lastPreviewType", "lastPreview" FROM "Conversation" ORDER BY id`)).rows).toEqual([
        { id: "empty", lastPreviewType: "text", lastPreview: "" },
        { id: "photo", lastPreviewType: "image", lastPreview: "the box" },
        { id: "text", lastPreviewType: "text", lastPreview: "hello" },
      ]);
    } finally {
      await client.end();
    }
  }, 60_000);

  it("count each conversation's inbound messages, and those each reader has read", async () => {
    const { url, client } = await databaseBefore("0022", "unread");
    try {
      await client.query(UNREAD_HISTORY);
      expect(await migratePostgres(url)).toContain("0022_unread_counts.sql");
      expect((await client.query(`SELECT id, "inboundCount" FROM "Conversation" ORDER BY id`)).rows).toEqual(UNREAD_COUNTED.conversations);
      expect((await client.query(`SELECT "userId", "conversationId", "inboxId", "readInboundCount" FROM "ConversationReadState" ORDER BY "userId", "conversationId"`)).rows).toEqual(
        UNREAD_COUNTED.reads,
      );
    } finally {
      await client.end();
    }
  }, 60_000);

  it("keep sort keys in byte order whatever the server's collation", async () => {
    const url = await server.createDatabase("collation");
    await migratePostgres(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ column_name: string; collation_name: string }>(
      `SELECT column_name, collation_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name IN ('sortKey', 'lastMessageKey', 'lastReadKey')`,
    );
    await client.end();
    expect(rows.length).toBe(4);
    for (const row of rows) expect(row.collation_name).toBe("C");
  });

  it("are applied once when several processes start at the same moment", async () => {
    const url = await server.createDatabase("racing");
    const results = await Promise.all(Array.from({ length: 4 }, () => migratePostgres(url)));
    const all = results.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(results.filter((applied) => applied.length > 0)).toHaveLength(1);
    expect(await migratePostgres(url)).toEqual([]);
  });
});
