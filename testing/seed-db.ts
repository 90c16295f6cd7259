// Writes straight into a running test server's SQLite file, for the few setups no endpoint offers
// a test (a second inbox the demo agent is not a member of). The server reads the same file, so
// what is written here is what it finds.
import path from "node:path";
import Database from "better-sqlite3";

export function addInbox(dataDir: string, inbox: { id: string; name: string; phoneNumberId: string }): void {
  const sqlite = new Database(path.join(dataDir, "switchboard.db"));
  try {
    sqlite
      .prepare(`INSERT INTO "Inbox" ("id", "name", "phoneNumberId", "createdAt") VALUES (?, ?, ?, ?)`)
      .run(inbox.id, inbox.name, inbox.phoneNumberId, new Date().toISOString());
  } finally {
    sqlite.close();
  }
}

/** The id of the conversation with this customer number (in any inbox). */
export function conversationIdOf(dataDir: string, waId: string): string {
  const sqlite = new Database(path.join(dataDir, "switchboard.db"), { readonly: true });
  try {
    const id = sqlite
      .prepare(`SELECT c."id" FROM "Conversation" c JOIN "Contact" ct ON ct."id" = c."contactId" WHERE ct."waId" = ?`)
      .pluck()
      .get(waId);
    if (typeof id !== "string") throw new Error(`no conversation with ${waId}`);
    return id;
  } finally {
    sqlite.close();
  }
}
