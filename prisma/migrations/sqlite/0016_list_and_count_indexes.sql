-- CreateIndex
CREATE INDEX "Conversation_inboxId_lastMessageKey_id_idx" ON "Conversation"("inboxId", "lastMessageKey", "id");

-- CreateIndex
CREATE INDEX "Conversation_inboxId_status_assigneeId_idx" ON "Conversation"("inboxId", "status", "assigneeId");
