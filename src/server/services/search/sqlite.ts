// The search's SQL for SQLite: FTS5 (the MessageSearch table of migration 0003) for message text,
// GLOB for names, contact notes and attribute values, LIKE for numbers, on the contacts that the
// trigram index of contacts (ContactSearch, migration 0023; contact-index.ts) finds. PostgreSQL's counterpart
// is postgres.ts.
import { db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { Access } from "../access";
import { MATCH_END, MATCH_START, SNIPPET_WORDS, toContactHit, visibleTo, type ContactHit, type ContactHitRow, type MessageHit } from "./hits";
import { NewestPerConversation, type Hit } from "./newest";
import { contactIndexQuery } from "./contact-index";
import { indexNotedMessagesNow } from "./message-index-schedule";
import { foldingGlob, type SearchTerms } from "./terms";

/**
 * Conversations whose contact's name, note or an attribute value contains the input, or whose
 * number contains its digits, the most recently active first.
 */
export async function findContactHits(access: Access, terms: SearchTerms, limit: number): Promise<ContactHit[]> {
  const pattern = foldingGlob(terms.name);
  const byName = Prisma.sql`k."name" GLOB ${pattern}`;
  const byNumber = terms.digits ? Prisma.sql`k."waId" LIKE ${`%${terms.digits}%`}` : Prisma.sql`1 = 0`;
  const byNote = Prisma.sql`k."note" GLOB ${pattern}`;
  const attribute = Prisma.sql`(SELECT a."key" || ': ' || a."value" FROM "ContactAttribute" a
     WHERE a."contactId" = k."id" AND a."value" GLOB ${pattern} ORDER BY a."createdAt", a."key" LIMIT 1)`;
  // With the index, the candidates are the contacts it finds (each with its one conversation), sorted;
  // without, every visible conversation is read newest first until `limit` match.
  const indexQuery = contactIndexQuery(terms);
  const candidates =
    indexQuery === null
      ? Prisma.sql`"Conversation" c JOIN "Contact" k ON k."id" = c."contactId" WHERE`
      : Prisma.sql`"ContactSearch" CROSS JOIN "Contact" k CROSS JOIN "Conversation" c
         WHERE "ContactSearch" MATCH ${indexQuery} AND k."id" = "ContactSearch"."contactId" AND c."inboxId" = k."inboxId" AND c."contactId" = k."id" AND`;
  const rows = await db().read.$queryRaw<ContactHitRow[]>`
    SELECT c."id" AS "conversationId", ${byName} AS "byName", ${byNumber} AS "byNumber",
           ${attribute} AS "attribute", CASE WHEN ${byNote} THEN k."note" END AS "note"
      FROM ${candidates} (${byName} OR ${byNumber} OR ${byNote} OR ${attribute} IS NOT NULL) AND ${visibleTo(access)}
     ORDER BY c."lastMessageKey" DESC, c."id" DESC
     LIMIT ${limit}`;
  return rows.map(toContactHit);
}

/** The first batch of hits read, doubled each time up to the largest: few round trips, little overshoot. */
const FIRST_BATCH = 100;
const LARGEST_BATCH = 3200;

/**
 * The newest message matching the words in each conversation, newest first, leaving out the
 * conversations in `exclude` (found already by their contact). Reads hits newest-stored first,
 * in batches, until NewestPerConversation says the answer is settled or the hits run out.
 */
export async function findMessageHits(
  access: Access,
  terms: SearchTerms,
  exclude: readonly string[],
  limit: number,
): Promise<MessageHit[]> {
  if (!terms.messageQuery || limit <= 0) return [];
  await indexNotedMessagesNow();
  const newest = new NewestPerConversation(limit, new Set(exclude));
  let before: number | null = null;
  for (let size = FIRST_BATCH; ; size = Math.min(size * 2, LARGEST_BATCH)) {
    const batch = await hitsBefore(access, terms.messageQuery, before, size);
    for (const hit of batch) newest.add(hit);
    if (batch.length < size || newest.isSettled()) break;
    before = batch[batch.length - 1]!.searchRow;
  }
  const top = newest.top();
  if (top.length === 0) return [];
  // snippet() works only in a query that matches. FTS5 looks up `rowid = ?` (and so `IN`) slowly
  // for a common word, but walks a rowid range fast: the range bounds the walk to the hits read
  // above, and `+` keeps the IN list out of the index so it merely filters, before snippet() runs.
  const rows = top.map((hit) => hit.searchRow);
  const snippets = await db().read.$queryRaw<{ messageId: string; snippet: string }[]>`
    SELECT "messageId", snippet("MessageSearch", 0, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) AS "snippet"
      FROM "MessageSearch"
     WHERE "MessageSearch" MATCH ${terms.messageQuery}
       AND "rowid" BETWEEN ${Math.min(...rows)} AND ${Math.max(...rows)} AND +"rowid" IN (${Prisma.join(rows)})`;
  const snippetOf = new Map(snippets.map((row) => [row.messageId, row.snippet]));
  return top.map((hit) => ({ conversationId: hit.conversationId, messageId: hit.messageId, snippet: snippetOf.get(hit.messageId) ?? "" }));
}

/** Up to `size` visible hits stored before index row `before` (from the newest when null), newest-stored first. */
async function hitsBefore(access: Access, messageQuery: string, before: number | null, size: number): Promise<Hit[]> {
  const older = before === null ? Prisma.sql`1 = 1` : Prisma.sql`"MessageSearch"."rowid" < ${before}`;
  // FTS5 walks its index in rowid order itself, so the ORDER BY and LIMIT stop the walk early.
  const rows = await db().read.$queryRaw<{ searchRow: number | bigint; messageId: string; conversationId: string; sortKey: string }[]>`
    SELECT "MessageSearch"."rowid" AS "searchRow", m."id" AS "messageId", m."conversationId" AS "conversationId", m."sortKey" AS "sortKey"
      FROM "MessageSearch"
      JOIN "Message" m ON m."id" = "MessageSearch"."messageId"
      JOIN "Conversation" c ON c."id" = m."conversationId"
     WHERE "MessageSearch" MATCH ${messageQuery} AND ${older} AND ${visibleTo(access)}
     ORDER BY "MessageSearch"."rowid" DESC
     LIMIT ${size}`;
  return rows.map((row) => ({ ...row, searchRow: Number(row.searchRow) }));
}
