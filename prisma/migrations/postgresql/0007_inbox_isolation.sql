-- Contacts and pending statuses belong to an inbox: a delivery signed for one number must not
-- rename another number's customer, nor move the status of another number's message.

-- Each inbox gets its own contacts. A contact with conversations in several inboxes is split: the
-- inbox with the smallest id keeps the row, every other inbox gets a copy with the id
-- "<contact id>.<inbox id>", and its conversation points at the copy. A contact with no
-- conversation belongs to no inbox and nothing refers to it: it is not carried over.
DROP INDEX "Contact_waId_key";
ALTER TABLE "Contact" ADD COLUMN "inboxId" TEXT;
UPDATE "Contact" c SET "inboxId" = (SELECT MIN(cv."inboxId") FROM "Conversation" cv WHERE cv."contactId" = c."id");
INSERT INTO "Contact" ("id", "inboxId", "waId", "name", "createdAt")
SELECT c."id" || '.' || cv."inboxId", cv."inboxId", c."waId", c."name", c."createdAt"
  FROM "Conversation" cv JOIN "Contact" c ON c."id" = cv."contactId"
 WHERE cv."inboxId" <> c."inboxId";
UPDATE "Conversation" cv SET "contactId" = cv."contactId" || '.' || cv."inboxId"
  FROM "Contact" c
 WHERE c."id" = cv."contactId" AND c."inboxId" <> cv."inboxId";
DELETE FROM "Contact" WHERE "inboxId" IS NULL;
ALTER TABLE "Contact" ALTER COLUMN "inboxId" SET NOT NULL;
CREATE INDEX "Contact_waId_idx" ON "Contact"("waId");
CREATE UNIQUE INDEX "Contact_inboxId_waId_key" ON "Contact"("inboxId", "waId");
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_inboxId_fkey" FOREIGN KEY ("inboxId") REFERENCES "Inbox"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A status kept before this migration said nothing about its inbox; any inbox's message could
-- take it, as before. Kept once per inbox rather than dropped (they are pruned after a week anyway).
DROP INDEX "PendingStatus_wamid_idx";
ALTER TABLE "PendingStatus" ADD COLUMN "inboxId" TEXT;
INSERT INTO "PendingStatus" ("inboxId", "wamid", "status", "reason", "timestamp", "createdAt")
SELECT i."id", p."wamid", p."status", p."reason", p."timestamp", p."createdAt"
  FROM "PendingStatus" p CROSS JOIN "Inbox" i
 WHERE p."inboxId" IS NULL
 ORDER BY p."id", i."id";
DELETE FROM "PendingStatus" WHERE "inboxId" IS NULL;
ALTER TABLE "PendingStatus" ALTER COLUMN "inboxId" SET NOT NULL;
CREATE INDEX "PendingStatus_wamid_inboxId_idx" ON "PendingStatus"("wamid", "inboxId");
