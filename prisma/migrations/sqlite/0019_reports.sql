-- CreateTable
CREATE TABLE "ConversationSpan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "inboxId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "openedAt" DATETIME NOT NULL,
    "firstInboundAt" DATETIME,
    "firstReplyAt" DATETIME,
    "firstResponseSeconds" INTEGER,
    "resolvedAt" DATETIME,
    "resolutionSeconds" INTEGER,
    CONSTRAINT "ConversationSpan_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MessageHour" (
    "inboxId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "inbound" INTEGER NOT NULL DEFAULT 0,
    "outbound" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("inboxId", "userId", "hour")
);

-- CreateIndex
CREATE INDEX "ConversationSpan_conversationId_resolvedAt_idx" ON "ConversationSpan"("conversationId", "resolvedAt");

-- CreateIndex
CREATE INDEX "ConversationSpan_openedAt_inboxId_assigneeId_idx" ON "ConversationSpan"("openedAt", "inboxId", "assigneeId");

-- CreateIndex
CREATE INDEX "ConversationSpan_firstReplyAt_inboxId_assigneeId_firstResponseSeconds_idx" ON "ConversationSpan"("firstReplyAt", "inboxId", "assigneeId", "firstResponseSeconds");

-- CreateIndex
CREATE INDEX "ConversationSpan_resolvedAt_inboxId_assigneeId_resolutionSeconds_idx" ON "ConversationSpan"("resolvedAt", "inboxId", "assigneeId", "resolutionSeconds");

-- CreateIndex
CREATE INDEX "MessageHour_hour_inboxId_userId_inbound_outbound_idx" ON "MessageHour"("hour", "inboxId", "userId", "inbound", "outbound");


-- Backfill: what is already stored, so a report starts with the history. Messages per hour are
-- exact. Each conversation becomes one span from its creation; the first reply is its first
-- outbound message after its first inbound one; a resolved conversation counts as resolved at its
-- last message (when exactly it was resolved was not recorded before this migration).
INSERT INTO "MessageHour" ("inboxId", "userId", "hour", "inbound", "outbound")
SELECT c."inboxId",
       CASE WHEN m."direction" = 'outbound' THEN COALESCE(m."authorId", '') ELSE COALESCE(c."assigneeId", '') END,
       substr(m."timestamp", 1, 13) || ':00:00.000+00:00',
       SUM(m."direction" = 'inbound'),
       SUM(m."direction" = 'outbound')
  FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
 WHERE m."direction" IN ('inbound', 'outbound')
 GROUP BY 1, 2, 3;

INSERT INTO "ConversationSpan" ("id", "conversationId", "inboxId", "assigneeId", "openedAt", "firstInboundAt", "firstReplyAt", "firstResponseSeconds", "resolvedAt", "resolutionSeconds")
SELECT 'backfill-' || s."id", s."id", s."inboxId", s."assigneeId", s."createdAt", s."firstInboundAt", s."firstReplyAt",
       CASE WHEN s."firstReplyAt" IS NULL THEN NULL ELSE CAST(round((julianday(s."firstReplyAt") - julianday(s."firstInboundAt")) * 86400) AS INTEGER) END,
       s."resolvedAt",
       CASE WHEN s."resolvedAt" IS NULL THEN NULL ELSE MAX(0, CAST(round((julianday(s."resolvedAt") - julianday(s."createdAt")) * 86400) AS INTEGER)) END
  FROM (
    SELECT f.*,
           (SELECT MIN(o."timestamp") FROM "Message" o
             WHERE o."conversationId" = f."id" AND o."direction" = 'outbound' AND o."timestamp" >= f."firstInboundAt") AS "firstReplyAt"
      FROM (
        SELECT c."id", c."inboxId", c."assigneeId", c."createdAt",
               CASE WHEN c."status" = 'resolved' THEN c."lastMessageAt" END AS "resolvedAt",
               (SELECT MIN(i."timestamp") FROM "Message" i WHERE i."conversationId" = c."id" AND i."direction" = 'inbound') AS "firstInboundAt"
          FROM "Conversation" c
      ) f
  ) s;
