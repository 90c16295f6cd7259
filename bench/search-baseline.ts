// The search benchmark's baseline: the text half of a search done the way it would be without a
// full-text index — every word as LIKE '%word%' over every message body (ASCII case folding only,
// no accents, no word boundaries), newest match per conversation, the first 20. Same result shape
// as the indexed query, so the figures compare the matching, not the rest.
import type { ReadClient } from "../src/server/db/client";
import { Prisma } from "../src/server/db/generated/client";

export async function likeBaseline(read: ReadClient, query: string): Promise<{ conversationId: string; messageId: string }[]> {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const conditions = Prisma.join(
    words.map((word) => Prisma.sql`m."body" LIKE ${`%${word.replace(/[\\%_]/g, "\\$&")}%`} ESCAPE '\\'`),
    " AND ",
  );
  return read.$queryRaw<{ conversationId: string; messageId: string }[]>`
    SELECT "conversationId", "messageId"
      FROM (
        SELECT m."conversationId" AS "conversationId", m."id" AS "messageId", m."sortKey" AS "sortKey",
               ROW_NUMBER() OVER (PARTITION BY m."conversationId" ORDER BY m."sortKey" DESC) AS "place"
          FROM "Message" m
         WHERE ${conditions}
      ) AS "hits"
     WHERE "place" = 1
     ORDER BY "sortKey" DESC
     LIMIT 20`;
}
