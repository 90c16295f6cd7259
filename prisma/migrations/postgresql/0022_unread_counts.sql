-- AlterTable (added columns with constant defaults: no copy of the tables, which may be big)
ALTER TABLE "Conversation" ADD COLUMN "inboundCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ConversationReadState" ADD COLUMN "readInboundCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ConversationReadState" ADD COLUMN "inboxId" TEXT NOT NULL DEFAULT '';

-- Backfill, before the indexes exist: each conversation's inbound messages, and for each read
-- position the inbound messages at or before it and the conversation's inbox. The unread total is
-- then the difference of two sums (src/server/services/conversations/unread.ts).
UPDATE "Conversation" SET "inboundCount" =
  (SELECT COUNT(*) FROM "Message" m WHERE m."conversationId" = "Conversation"."id" AND m."direction" = 'inbound');
UPDATE "ConversationReadState" SET
  "inboxId" = COALESCE((SELECT c."inboxId" FROM "Conversation" c WHERE c."id" = "ConversationReadState"."conversationId"), ''),
  "readInboundCount" = (SELECT COUNT(*) FROM "Message" m
                         WHERE m."conversationId" = "ConversationReadState"."conversationId" AND m."direction" = 'inbound'
                           AND m."sortKey" <= "ConversationReadState"."lastReadKey");

-- CreateIndex
CREATE INDEX "Conversation_inboxId_inboundCount_idx" ON "Conversation"("inboxId", "inboundCount");
CREATE INDEX "ConversationReadState_userId_inboxId_readInboundCount_idx" ON "ConversationReadState"("userId", "inboxId", "readInboundCount");
CREATE INDEX "ConversationReadState_conversationId_lastReadKey_idx" ON "ConversationReadState"("conversationId", "lastReadKey");
