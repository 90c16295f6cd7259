-- AlterTable
ALTER TABLE "User" ADD COLUMN "sessionsValidAfter" DATETIME;

-- AlterTable
ALTER TABLE "Inbox" ADD COLUMN "appSecret" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "inboxId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "assigneeId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "lastMessageAt" DATETIME NOT NULL,
    "lastPreview" TEXT NOT NULL DEFAULT '',
    "lastInboundAt" DATETIME,
    "lastMessageKey" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Conversation_inboxId_fkey" FOREIGN KEY ("inboxId") REFERENCES "Inbox" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Conversation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Conversation_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Conversation" ("assigneeId", "contactId", "createdAt", "id", "inboxId", "lastInboundAt", "lastMessageAt", "lastMessageKey", "lastPreview", "status") SELECT "assigneeId", "contactId", "createdAt", "id", "inboxId", "lastInboundAt", "lastMessageAt", "lastMessageKey", "lastPreview", "status" FROM "Conversation";
DROP TABLE "Conversation";
ALTER TABLE "new_Conversation" RENAME TO "Conversation";
CREATE INDEX "Conversation_lastMessageKey_idx" ON "Conversation"("lastMessageKey");
CREATE INDEX "Conversation_assigneeId_idx" ON "Conversation"("assigneeId");
CREATE UNIQUE INDEX "Conversation_inboxId_contactId_key" ON "Conversation"("inboxId", "contactId");
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "type" TEXT NOT NULL,
    "inboxId" TEXT,
    "conversationId" TEXT,
    "userId" TEXT,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Event" ("conversationId", "createdAt", "id", "inboxId", "payload", "type", "userId") SELECT "conversationId", "createdAt", "id", "inboxId", "payload", "type", "userId" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Full-text search over message text (not in schema.prisma: Prisma does not model virtual tables).
-- Its own copy of each body, keyed by message id, kept by triggers: an external-content table
-- would key on Message's implicit rowid, which VACUUM may renumber.
CREATE VIRTUAL TABLE "MessageSearch" USING fts5(
    "body",
    "messageId" UNINDEXED,
    "conversationId" UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO "MessageSearch" ("body", "messageId", "conversationId")
    SELECT "body", "id", "conversationId" FROM "Message" WHERE "body" != '';
CREATE TRIGGER "Message_search_insert" AFTER INSERT ON "Message" WHEN NEW."body" != '' BEGIN
    INSERT INTO "MessageSearch" ("body", "messageId", "conversationId") VALUES (NEW."body", NEW."id", NEW."conversationId");
END;
CREATE TRIGGER "Message_search_delete" AFTER DELETE ON "Message" BEGIN
    DELETE FROM "MessageSearch" WHERE "messageId" = OLD."id";
END;
