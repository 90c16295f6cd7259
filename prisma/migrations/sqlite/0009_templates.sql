-- AlterTable
ALTER TABLE "Inbox" ADD COLUMN "businessAccountId" TEXT;
ALTER TABLE "Inbox" ADD COLUMN "templatesFetchedAt" DATETIME;

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "inboxId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "components" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("inboxId", "name", "language"),
    CONSTRAINT "MessageTemplate_inboxId_fkey" FOREIGN KEY ("inboxId") REFERENCES "Inbox" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

