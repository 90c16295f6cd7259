-- CreateTable
CREATE TABLE "ConversationSpan" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "inboxId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "firstInboundAt" TIMESTAMP(3),
    "firstReplyAt" TIMESTAMP(3),
    "firstResponseSeconds" INTEGER,
    "resolvedAt" TIMESTAMP(3),
    "resolutionSeconds" INTEGER,

    CONSTRAINT "ConversationSpan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageHour" (
    "inboxId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "inbound" INTEGER NOT NULL DEFAULT 0,
    "outbound" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MessageHour_pkey" PRIMARY KEY ("inboxId","userId","hour")
);

-- CreateIndex
CREATE INDEX "ConversationSpan_conversationId_resolvedAt_idx" ON "ConversationSpan"("conversationId", "resolvedAt");

-- CreateIndex
CREATE INDEX "ConversationSpan_openedAt_inboxId_assigneeId_idx" ON "ConversationSpan"("openedAt", "inboxId", "assigneeId");

-- CreateIndex
CREATE INDEX "ConversationSpan_firstReplyAt_inboxId_assigneeId_firstRespo_idx" ON "ConversationSpan"("firstReplyAt", "inboxId", "assigneeId", "firstResponseSeconds");

-- CreateIndex
CREATE INDEX "ConversationSpan_resolvedAt_inboxId_assigneeId_resolutionSe_idx" ON "ConversationSpan"("resolvedAt", "inboxId", "assigneeId", "resolutionSeconds");

-- CreateIndex
CREATE INDEX "MessageHour_hour_inboxId_userId_inbound_outbound_idx" ON "MessageHour"("hour", "inboxId", "userId", "inbound", "outbound");

-- AddForeignKey
ALTER TABLE "ConversationSpan" ADD CONSTRAINT "ConversationSpan_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: what is already stored, so a report starts with the history. Messages per hour are
-- exact. Each conversation becomes one span from its creation; the first reply is its first
-- outbound message after its first inbound one; a resolved conversation counts as resolved at its
-- last message (when exactly it was resolved was not recorded before this migration).
INSERT INTO "MessageHour" ("inboxId", "userId", "hour", "inbound", "outbound")
SELECT c."inboxId",
       CASE WHEN m."direction" = 'outbound' THEN COALESCE(m."authorId", '') ELSE COALESCE(c."assigneeId", '') END,
       date_trunc('hour', m."timestamp"),
       COUNT(*) FILTER (WHERE m."direction" = 'inbound'),
       COUNT(*) FILTER (WHERE m."direction" = 'outbound')
  FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
 WHERE m."direction" IN ('inbound', 'outbound')
 GROUP BY 1, 2, 3;

INSERT INTO "ConversationSpan" ("id", "conversationId", "inboxId", "assigneeId", "openedAt", "firstInboundAt", "firstReplyAt", "firstResponseSeconds", "resolvedAt", "resolutionSeconds")
SELECT 'backfill-' || s."id", s."id", s."inboxId", s."assigneeId", s."createdAt", s."firstInboundAt", s."firstReplyAt",
       round(EXTRACT(EPOCH FROM (s."firstReplyAt" - s."firstInboundAt")))::int,
       s."resolvedAt",
       GREATEST(0, round(EXTRACT(EPOCH FROM (s."resolvedAt" - s."createdAt"))))::int
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
