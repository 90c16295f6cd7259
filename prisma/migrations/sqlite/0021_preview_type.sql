-- AlterTable (an added column with a constant default: no copy of the table, which may be big)
ALTER TABLE "Conversation" ADD COLUMN "lastPreviewType" TEXT NOT NULL DEFAULT 'text';

-- Backfill: the type and own words of each conversation's newest message (the one lastPreview was
-- made from), so a photo reads "📷 Foto" in Portuguese too. Found by its sort key: one unique-index
-- lookup per conversation.
UPDATE "Conversation" SET
  "lastPreviewType" = COALESCE((SELECT m."type" FROM "Message" m WHERE m."conversationId" = "Conversation"."id" AND m."sortKey" = "Conversation"."lastMessageKey"), 'text'),
  "lastPreview" = COALESCE((SELECT m."body" FROM "Message" m WHERE m."conversationId" = "Conversation"."id" AND m."sortKey" = "Conversation"."lastMessageKey"), "lastPreview")
WHERE EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = "Conversation"."id" AND m."sortKey" = "Conversation"."lastMessageKey" AND m."type" <> 'text');
