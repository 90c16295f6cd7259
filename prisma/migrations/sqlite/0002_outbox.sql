-- AlterTable
ALTER TABLE "Inbox" ADD COLUMN "accessToken" TEXT;

-- CreateTable
CREATE TABLE "OutboxJob" (
    "messageId" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "sortKey" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxJob_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OutboxJob_state_nextAttemptAt_idx" ON "OutboxJob"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxJob_conversationId_sortKey_idx" ON "OutboxJob"("conversationId", "sortKey");

