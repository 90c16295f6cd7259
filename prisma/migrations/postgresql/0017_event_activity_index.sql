-- CreateIndex
CREATE INDEX "Event_conversationId_type_createdAt_idx" ON "Event"("conversationId", "type", "createdAt");

