// Histories written into a database migrated up to just before a migration, the same SQL on
// SQLite and PostgreSQL, with what the migration must make of them (src/server/db/migrate*.test.ts).

/** Before 0022: two inboxes' conversations with inbound, outbound and note messages, and three read positions. */
export const UNREAD_HISTORY = `
  INSERT INTO "Inbox" ("id", "name", "phoneNumberId") VALUES ('i1', 'Support', '1'), ('i2', 'Sales', '2');
  INSERT INTO "User" ("id", "email", "name", "passwordHash", "role") VALUES ('u1', 'u1@example.com', 'Una', '-', 'agent'), ('u2', 'u2@example.com', 'Duo', '-', 'admin');
  INSERT INTO "Contact" ("id", "inboxId", "waId", "name") VALUES ('c1', 'i1', '15550001', 'Ann'), ('c2', 'i2', '15550002', 'Bob');
  INSERT INTO "Conversation" ("id", "inboxId", "contactId", "lastMessageAt", "lastMessageKey") VALUES
    ('v1', 'i1', 'c1', '2026-01-01 00:00:00', 'k5'), ('v2', 'i2', 'c2', '2026-01-01 00:00:00', 'k1');
  INSERT INTO "Message" ("id", "conversationId", "direction", "type", "body", "status", "timestamp", "sortKey") VALUES
    ('m1', 'v1', 'inbound', 'text', 'hi', 'received', '2026-01-01 00:00:00', 'k1'),
    ('m2', 'v1', 'outbound', 'text', 'hello', 'read', '2026-01-01 00:00:00', 'k2'),
    ('m3', 'v1', 'inbound', 'text', 'where is it?', 'received', '2026-01-01 00:00:00', 'k3'),
    ('m4', 'v1', 'note', 'text', 'check the depot', 'received', '2026-01-01 00:00:00', 'k4'),
    ('m5', 'v1', 'inbound', 'text', 'thanks', 'received', '2026-01-01 00:00:00', 'k5'),
    ('m6', 'v2', 'inbound', 'text', 'a quote?', 'received', '2026-01-01 00:00:00', 'k1');
  INSERT INTO "ConversationReadState" ("userId", "conversationId", "lastReadKey") VALUES ('u1', 'v1', 'k3'), ('u2', 'v1', 'k5'), ('u2', 'v2', 'k0');`;

/** What 0022 counts in UNREAD_HISTORY (ordered by id, and by reader then conversation). */
export const UNREAD_COUNTED = {
  conversations: [
    { id: "v1", inboundCount: 3 },
    { id: "v2", inboundCount: 1 },
  ],
  reads: [
    { userId: "u1", conversationId: "v1", inboxId: "i1", readInboundCount: 2 },
    { userId: "u2", conversationId: "v1", inboxId: "i1", readInboundCount: 3 },
    { userId: "u2", conversationId: "v2", inboxId: "i2", readInboundCount: 0 },
  ],
};
