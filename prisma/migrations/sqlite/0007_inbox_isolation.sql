-- Contacts and pending statuses belong to an inbox: a delivery signed for one number must not
-- rename another number's customer, nor move the status of another number's message.

-- Each inbox gets its own contacts. A contact with conversations in several inboxes is split: the
-- inbox with the smallest id keeps the row, every other inbox gets a copy with the id
-- "<contact id>.<inbox id>", and its conversation points at the copy. A contact with no
-- conversation belongs to no inbox and nothing refers to it: it is not carried over.
CREATE TABLE "new_Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "inboxId" TEXT NOT NULL,
    "waId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Contact_inboxId_fkey" FOREIGN KEY ("inboxId") REFERENCES "Inbox" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Contact" ("id", "inboxId", "waId", "name", "createdAt")
SELECT CASE WHEN pairs."inboxId" = pairs."firstInboxId" THEN c."id" ELSE c."id" || '.' || pairs."inboxId" END,
       pairs."inboxId", c."waId", c."name", c."createdAt"
  FROM "Contact" c
  JOIN (SELECT DISTINCT cv."contactId", cv."inboxId",
               (SELECT MIN(f."inboxId") FROM "Conversation" f WHERE f."contactId" = cv."contactId") AS "firstInboxId"
          FROM "Conversation" cv) pairs ON pairs."contactId" = c."id";
-- The first inbox's conversation is never updated, so the MIN below stays the same throughout.
UPDATE "Conversation" SET "contactId" = "contactId" || '.' || "inboxId"
 WHERE "inboxId" <> (SELECT MIN(f."inboxId") FROM "Conversation" f WHERE f."contactId" = "Conversation"."contactId");
DROP TABLE "Contact";
ALTER TABLE "new_Contact" RENAME TO "Contact";
CREATE INDEX "Contact_waId_idx" ON "Contact"("waId");
CREATE UNIQUE INDEX "Contact_inboxId_waId_key" ON "Contact"("inboxId", "waId");

-- A status kept before this migration said nothing about its inbox; any inbox's message could
-- take it, as before. Kept once per inbox rather than dropped (they are pruned after a week anyway).
CREATE TABLE "new_PendingStatus" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "inboxId" TEXT NOT NULL,
    "wamid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "timestamp" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_PendingStatus" ("inboxId", "wamid", "status", "reason", "timestamp", "createdAt")
SELECT i."id", p."wamid", p."status", p."reason", p."timestamp", p."createdAt"
  FROM "PendingStatus" p CROSS JOIN "Inbox" i ORDER BY p."id", i."id";
DROP TABLE "PendingStatus";
ALTER TABLE "new_PendingStatus" RENAME TO "PendingStatus";
CREATE INDEX "PendingStatus_wamid_inboxId_idx" ON "PendingStatus"("wamid", "inboxId");
