// The search's SQL for SQLite: FTS5 (the MessageSearch table of migration 0003) for message text,
// GLOB for names, LIKE for numbers. Written as Prisma.sql templates, so placeholders follow the
// provider; the joins, window function and quoting are plain SQL that PostgreSQL runs as well.
// Only the three matching expressions are SQLite's own: a PostgreSQL version of this module would
// swap MATCH/snippet() for a tsvector index with to_tsquery/ts_headline and GLOB for ILIKE.
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Access } from "./access";
import { caseInsensitiveGlob, type SearchTerms } from "./search-terms";

/** Marks a match inside a snippet; private-use characters, which no keyboard types. */
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";
/** How many words of a message a snippet shows around the match. */
const SNIPPET_WORDS = 12;

export interface ContactHit {
  conversationId: string;
  field: "name" | "number";
}

export interface MessageHit {
  conversationId: string;
  messageId: string;
  /** The message's text around the match, each match between MATCH_START and MATCH_END. */
  snippet: string;
}

/** The rule of access.ts as a condition on `c`, the Conversation row, so that a limit counts only what the user may see. */
function visibleTo(access: Access): Prisma.Sql {
  if (access.inboxIds === "all") return Prisma.sql`1 = 1`;
  if (access.inboxIds.size === 0) return Prisma.sql`1 = 0`;
  return Prisma.sql`c."inboxId" IN (${Prisma.join([...access.inboxIds])})`;
}

/** Conversations whose contact's name contains the input or whose number contains its digits, the most recently active first. */
export async function findContactHits(access: Access, terms: SearchTerms, limit: number): Promise<ContactHit[]> {
  const byName = Prisma.sql`k."name" GLOB ${caseInsensitiveGlob(terms.name)}`;
  const byNumber = terms.digits ? Prisma.sql`k."waId" LIKE ${`%${terms.digits}%`}` : Prisma.sql`1 = 0`;
  const rows = await db().read.$queryRaw<{ conversationId: string; byName: number | bigint | boolean }[]>`
    SELECT c."id" AS "conversationId", ${byName} AS "byName"
      FROM "Conversation" c
      JOIN "Contact" k ON k."id" = c."contactId"
     WHERE (${byName} OR ${byNumber}) AND ${visibleTo(access)}
     ORDER BY c."lastMessageKey" DESC, c."id" DESC
     LIMIT ${limit}`;
  return rows.map((row) => ({ conversationId: row.conversationId, field: Number(row.byName) ? "name" : "number" }));
}

/**
 * The newest message matching the words in each conversation, newest first, leaving out the
 * conversations in `exclude` (found already by their contact).
 */
export async function findMessageHits(
  access: Access,
  terms: SearchTerms,
  exclude: readonly string[],
  limit: number,
): Promise<MessageHit[]> {
  if (!terms.messageQuery || limit <= 0) return [];
  const notExcluded = exclude.length > 0 ? Prisma.sql`c."id" NOT IN (${Prisma.join(exclude)})` : Prisma.sql`1 = 1`;
  // Visibility is checked on the conversation id that the index row carries, before each hit
  // costs a lookup in Message: an agent's query does not pay for other inboxes' matches.
  const newest = await db().read.$queryRaw<{ conversationId: string; messageId: string; searchRow: number | bigint }[]>`
    SELECT "conversationId", "messageId", "searchRow"
      FROM (
        SELECT m."conversationId" AS "conversationId", m."id" AS "messageId", m."sortKey" AS "sortKey",
               "MessageSearch"."rowid" AS "searchRow",
               ROW_NUMBER() OVER (PARTITION BY m."conversationId" ORDER BY m."sortKey" DESC) AS "place"
          FROM "MessageSearch"
          JOIN "Conversation" c ON c."id" = "MessageSearch"."conversationId"
          JOIN "Message" m ON m."id" = "MessageSearch"."messageId"
         WHERE "MessageSearch" MATCH ${terms.messageQuery} AND ${visibleTo(access)} AND ${notExcluded}
      ) AS "hits"
     WHERE "place" = 1
     ORDER BY "sortKey" DESC
     LIMIT ${limit}`;
  if (newest.length === 0) return [];
  // snippet() works only in a query that matches; by rowid, it is computed for these rows alone.
  const snippets = await db().read.$queryRaw<{ messageId: string; snippet: string }[]>`
    SELECT "messageId", snippet("MessageSearch", 0, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) AS "snippet"
      FROM "MessageSearch"
     WHERE "MessageSearch" MATCH ${terms.messageQuery} AND "rowid" IN (${Prisma.join(newest.map((row) => Number(row.searchRow)))})`;
  const snippetOf = new Map(snippets.map((row) => [row.messageId, row.snippet]));
  return newest.map((row) => ({
    conversationId: row.conversationId,
    messageId: row.messageId,
    snippet: snippetOf.get(row.messageId) ?? "",
  }));
}
