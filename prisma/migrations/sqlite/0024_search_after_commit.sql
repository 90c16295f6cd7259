-- Messages reach the full-text index after their commit, in batches (src/server/services/search/
-- message-index.ts), no longer inside it: FTS5 writes a new index segment for every transaction
-- that adds to it, 7 of the 32 pages that a lone delivery's commit wrote and synced. The insert
-- trigger now only notes the message here (about one page); a search first indexes whatever is
-- noted, so it still finds every committed message. Named like FTS5's own shadow tables
-- (MessageSearch_data, …): it belongs to the index, not to the schema.
CREATE TABLE "MessageSearch_pending" ("messageId" TEXT NOT NULL);
DROP TRIGGER "Message_search_insert";
CREATE TRIGGER "Message_search_insert" AFTER INSERT ON "Message" WHEN NEW."body" != '' BEGIN
    INSERT INTO "MessageSearch_pending" ("messageId") VALUES (NEW."id");
END;
