-- AlterTable
ALTER TABLE "Inbox" ADD COLUMN     "sendReadReceipts" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "sendTypingIndicator" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "readReceiptKey" TEXT NOT NULL DEFAULT '';

