-- Written by hand (Prisma's schema cannot say it): sort keys and read positions are compared and
-- ordered byte by byte, as SQLite and JavaScript compare them. Under a linguistic collation
-- (en_US.UTF-8, a common server default) punctuation is ignored at first, and "…10.9…" could
-- sort after "…10.10…".
ALTER TABLE "Conversation" ALTER COLUMN "lastMessageKey" TYPE TEXT COLLATE "C";
ALTER TABLE "ConversationReadState" ALTER COLUMN "lastReadKey" TYPE TEXT COLLATE "C";
ALTER TABLE "Message" ALTER COLUMN "sortKey" TYPE TEXT COLLATE "C";
ALTER TABLE "OutboxJob" ALTER COLUMN "sortKey" TYPE TEXT COLLATE "C";
