-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "awaitingAssignmentSince" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionsValidAfter" DATETIME,
    "totpSecret" TEXT,
    "totpEnabledAt" DATETIME,
    "totpLastStep" INTEGER,
    "maxOpenConversations" INTEGER NOT NULL DEFAULT 10,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_User" ("active", "createdAt", "email", "id", "name", "passwordHash", "role", "sessionsValidAfter", "totpEnabledAt", "totpLastStep", "totpSecret") SELECT "active", "createdAt", "email", "id", "name", "passwordHash", "role", "sessionsValidAfter", "totpEnabledAt", "totpLastStep", "totpSecret" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_Inbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "phoneNumberId" TEXT NOT NULL,
    "displayPhoneNumber" TEXT,
    "accessToken" TEXT,
    "appSecret" TEXT,
    "businessAccountId" TEXT,
    "templatesFetchedAt" DATETIME,
    "sendReadReceipts" BOOLEAN NOT NULL DEFAULT true,
    "sendTypingIndicator" BOOLEAN NOT NULL DEFAULT true,
    "autoAssign" BOOLEAN NOT NULL DEFAULT false,
    "autoAssignLastUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Inbox" ("accessToken", "appSecret", "businessAccountId", "createdAt", "displayPhoneNumber", "id", "name", "phoneNumberId", "sendReadReceipts", "sendTypingIndicator", "templatesFetchedAt") SELECT "accessToken", "appSecret", "businessAccountId", "createdAt", "displayPhoneNumber", "id", "name", "phoneNumberId", "sendReadReceipts", "sendTypingIndicator", "templatesFetchedAt" FROM "Inbox";
DROP TABLE "Inbox";
ALTER TABLE "new_Inbox" RENAME TO "Inbox";
CREATE UNIQUE INDEX "Inbox_phoneNumberId_key" ON "Inbox"("phoneNumberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Conversation_awaitingAssignmentSince_id_idx" ON "Conversation"("awaitingAssignmentSince", "id");

