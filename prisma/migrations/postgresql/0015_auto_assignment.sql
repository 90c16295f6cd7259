-- AlterTable
ALTER TABLE "User" ADD COLUMN     "maxOpenConversations" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "Inbox" ADD COLUMN     "autoAssign" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "autoAssignLastUserId" TEXT;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "awaitingAssignmentSince" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Conversation_awaitingAssignmentSince_id_idx" ON "Conversation"("awaitingAssignmentSince", "id");

