// Writes the search benchmark's history (./search-seed.ts) into a migrated PostgreSQL database:
// the same rows SQLite gets, in the same arrival order, in one transaction. Each table goes in as
// column arrays through unnest(), a few thousand rows a statement: one round trip per chunk instead
// of one per row, and no COPY client needed.
import pg from "pg";
import { UTC_SESSION } from "../src/server/db/postgres-database";
import { inboxName, inboxNumber, type SearchData } from "./search-seed";

const CHUNK = 5_000;

type Column = [name: string, type: "text" | "timestamp" | "int4", values: (row: number) => string | number];

/** A `timestamp` (without time zone) as the UTC session reads it: no offset for pg to apply. */
const utc = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

async function insertRows(client: pg.Client, table: string, count: number, columns: Column[]): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  for (let start = 0; start < count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, offset) => start + offset);
    await client.query(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`, columns.map(([, , value]) => rows.map(value)));
  }
}

export async function seedPostgres(databaseUrl: string, data: SearchData): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, options: UTC_SESSION });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { inboxIds, contacts, conversations, messages } = data;
    await insertRows(client, "Inbox", inboxIds.length, [
      ["id", "text", (row) => inboxIds[row]!],
      ["name", "text", inboxName],
      ["phoneNumberId", "text", inboxNumber],
    ]);
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role")
       VALUES ($1, 'bench-admin@example.com', 'Bench Admin', '-', 'admin'), ($2, 'bench-agent@example.com', 'Bench Agent', '-', 'agent')`,
      [data.adminId, data.agentId],
    );
    await client.query(`INSERT INTO "InboxMember" ("inboxId", "userId") VALUES ($1, $2)`, [inboxIds[0], data.agentId]);
    await insertRows(client, "Contact", contacts.length, [
      ["id", "text", (row) => contacts[row]!.id],
      ["inboxId", "text", (row) => contacts[row]!.inboxId],
      ["waId", "text", (row) => contacts[row]!.waId],
      ["name", "text", (row) => contacts[row]!.name],
    ]);
    await insertRows(client, "Conversation", conversations.length, [
      ["id", "text", (row) => conversations[row]!.id],
      ["inboxId", "text", (row) => conversations[row]!.inboxId],
      ["contactId", "text", (row) => conversations[row]!.contactId],
      ["lastMessageAt", "timestamp", (row) => utc(conversations[row]!.lastMessageAt)],
      ["lastPreview", "text", (row) => conversations[row]!.lastPreview],
      ["lastMessageKey", "text", (row) => conversations[row]!.lastMessageKey],
      ["inboundCount", "int4", (row) => conversations[row]!.inboundCount],
    ]);
    await insertRows(client, "Message", messages.length, [
      ["id", "text", (row) => messages[row]!.id],
      ["conversationId", "text", (row) => messages[row]!.conversationId],
      ["direction", "text", (row) => messages[row]!.direction],
      ["type", "text", () => "text"],
      ["body", "text", (row) => messages[row]!.body],
      ["status", "text", (row) => messages[row]!.status],
      ["timestamp", "timestamp", (row) => utc(messages[row]!.timestamp)],
      ["sortKey", "text", (row) => messages[row]!.sortKey],
    ]);
    await client.query("COMMIT");
    // The planner's statistics, which autovacuum would gather a little later on a live server.
    await client.query("ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
