// The search's SQL for PostgreSQL: the GIN index of migration 0003 (to_tsvector with the
// switchboard_search configuration, which drops accents and case) for message text, a substring of
// lower(unaccent()) for names, contact notes and attribute values, LIKE for numbers. SQLite's
// counterpart is sqlite.ts; both return the same hits in the same order.
import { db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { Access } from "../access";
import { MATCH_END, MATCH_START, toContactHit, visibleTo, type ContactHit, type ContactHitRow, type MessageHit } from "./hits";
import { snippetWindow } from "./snippet";
import type { SearchTerms } from "./terms";

/** ts_headline marks every match and keeps the whole text; snippetWindow then cuts the window. */
const HEADLINE_OPTIONS = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", HighlightAll=true`;

/**
 * A to_tsquery text with every word of the search as a prefix, all required. Built from the runs
 * of letters and digits in the words (what the index's parser makes words of, and all FTS5's
 * quoting wraps), so no quote, backslash or operator of tsquery's grammar can be in it; it still
 * goes to the database as a parameter, never as SQL.
 */
export function prefixTsquery(messageQuery: string): string | null {
  const runs = new Set(messageQuery.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
  return runs.size > 0 ? [...runs].map((run) => `'${run}':*`).join(" & ") : null;
}

/**
 * Conversations whose contact's name, note or an attribute value contains the input, or whose
 * number contains its digits, the most recently active first.
 */
export async function findContactHits(access: Access, terms: SearchTerms, limit: number): Promise<ContactHit[]> {
  // Both sides folded by the same functions, so "elodie" finds "Élodie". strpos, not LIKE: it has
  // no wildcards to escape, and unaccent itself turns some characters into them (％ → %).
  const contains = (column: Prisma.Sql) => Prisma.sql`strpos(lower(unaccent(${column})), lower(unaccent(${terms.name}))) > 0`;
  const byName = contains(Prisma.sql`k."name"`);
  const byNumber = terms.digits ? Prisma.sql`k."waId" LIKE ${`%${terms.digits}%`}` : Prisma.sql`FALSE`;
  const byNote = contains(Prisma.sql`k."note"`);
  const attribute = Prisma.sql`(SELECT a."key" || ': ' || a."value" FROM "ContactAttribute" a
     WHERE a."contactId" = k."id" AND ${contains(Prisma.sql`a."value"`)} ORDER BY a."createdAt", a."key" LIMIT 1)`;
  const rows = await db().read.$queryRaw<ContactHitRow[]>`
    SELECT c."id" AS "conversationId", ${byName} AS "byName", ${byNumber} AS "byNumber",
           ${attribute} AS "attribute", CASE WHEN ${byNote} THEN k."note" END AS "note"
      FROM "Conversation" c
      JOIN "Contact" k ON k."id" = c."contactId"
     WHERE (${byName} OR ${byNumber} OR ${byNote} OR ${attribute} IS NOT NULL) AND ${visibleTo(access)}
     ORDER BY c."lastMessageKey" DESC, c."id" DESC
     LIMIT ${limit}`;
  return rows.map(toContactHit);
}

/**
 * The newest message matching the words in each conversation, newest first, leaving out the
 * conversations in `exclude` (found already by their contact). One statement: the index finds
 * every hit, each conversation keeps its largest sort key, and only the first `limit` are read
 * back whole for their snippet. Unlike FTS5's rowids, a GIN index has no order to stop early in
 * (see newest.ts), so a common word costs a pass over its hits; the README has the figures.
 */
export async function findMessageHits(
  access: Access,
  terms: SearchTerms,
  exclude: readonly string[],
  limit: number,
): Promise<MessageHit[]> {
  const tsquery = terms.messageQuery ? prefixTsquery(terms.messageQuery) : null;
  if (!tsquery || limit <= 0) return [];
  const query = Prisma.sql`to_tsquery('switchboard_search', ${tsquery})`;
  const notExcluded = exclude.length > 0 ? Prisma.sql`m."conversationId" NOT IN (${Prisma.join(exclude)})` : Prisma.sql`TRUE`;
  // An admin's search needs no conversation row: joining every hit to one costs a common word a
  // quarter of its time.
  const visible = access.inboxIds === "all" ? Prisma.empty : Prisma.sql`JOIN "Conversation" c ON c."id" = m."conversationId" AND ${visibleTo(access)}`;
  // The match must be written as the index is (to_tsvector('switchboard_search', "body")) for the
  // planner to use it. The sort key is unique per conversation, so it finds the message again.
  const rows = await db().transaction(async (tx) => {
    // For a common word the planner picks parallel workers, which made it 3 to 5 times slower on
    // a 2-core server (bench/search.ts): starting them costs more than the statement takes alone.
    await tx.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`;
    return tx.$queryRaw<{ conversationId: string; messageId: string; marked: string }[]>`
      WITH "newest" AS (
        SELECT m."conversationId", max(m."sortKey") AS "sortKey"
          FROM "Message" m ${visible}
         WHERE to_tsvector('switchboard_search', m."body") @@ ${query} AND ${notExcluded}
         GROUP BY m."conversationId"
         ORDER BY "sortKey" DESC
         LIMIT ${limit}
      )
      SELECT n."conversationId", m."id" AS "messageId", ts_headline('switchboard_search', m."body", ${query}, ${HEADLINE_OPTIONS}) AS "marked"
        FROM "newest" n
        JOIN "Message" m ON m."conversationId" = n."conversationId" AND m."sortKey" = n."sortKey"
       ORDER BY n."sortKey" DESC`;
  });
  return rows.map((row) => ({ conversationId: row.conversationId, messageId: row.messageId, snippet: snippetWindow(row.marked) }));
}
