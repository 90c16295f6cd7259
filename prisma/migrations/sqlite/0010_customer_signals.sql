-- Read receipts and the typing indicator to the customer (src/server/whatsapp/customer-signals.ts).
-- Plain ALTER TABLE: SQLite adds a column with a constant default in place, no table rebuild needed.
ALTER TABLE "Inbox" ADD COLUMN "sendReadReceipts" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Inbox" ADD COLUMN "sendTypingIndicator" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Conversation" ADD COLUMN "readReceiptKey" TEXT NOT NULL DEFAULT '';
