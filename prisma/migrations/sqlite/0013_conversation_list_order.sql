-- DropIndex
DROP INDEX "Conversation_lastMessageKey_idx";

-- DropIndex
DROP INDEX "Conversation_assigneeId_idx";

-- CreateIndex
CREATE INDEX "Conversation_lastMessageKey_id_idx" ON "Conversation"("lastMessageKey", "id");

-- CreateIndex
CREATE INDEX "Conversation_assigneeId_lastMessageKey_id_idx" ON "Conversation"("assigneeId", "lastMessageKey", "id");

