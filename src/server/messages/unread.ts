// Unread customer messages, per reader. A reader's unread messages in a conversation are its
// inbound messages after their read position. Counting them by looking into every conversation a
// reader sees took 0.2–0.4 s for an admin of 50,000 conversations (README, "A big inbox"), so two
// counts are kept on the write path, in the same transaction as the change:
//
//   Conversation.inboundCount                 every inbound message stored in the conversation;
//   ConversationReadState.readInboundCount    those at or before the reader's read position.
//
// A conversation's unread count is their difference, and a reader's unread total is the sum of the
// first over the conversations they see minus the sum of the second over their read positions in
// those inboxes: two ranges of covering indexes, whatever the size of the inbox.
import type { Sql } from "../db/sql";

/** Which inboxes' conversations count: "all" for an admin. */
export type CountedInboxes = ReadonlySet<string> | "all";

/** `WHERE <column> IN (…)` for an agent's inboxes, nothing for an admin's. */
function inInboxes(inboxes: CountedInboxes, column: string, and: string | null = null): { where: string; values: string[] } {
  const values = inboxes === "all" ? [] : [...inboxes];
  const conditions = [...(and ? [and] : []), ...(values.length > 0 ? [`${column} IN (${values.map(() => "?").join(", ")})`] : [])];
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", values };
}

/** The reader's unread messages over every conversation of `inboxes`: the tab title's number. */
export async function unreadTotal(sql: Sql, userId: string, inboxes: CountedInboxes): Promise<number> {
  if (inboxes !== "all" && inboxes.size === 0) return 0;
  const conversations = inInboxes(inboxes, `c."inboxId"`);
  const reads = inInboxes(inboxes, `r."inboxId"`, `r."userId" = ?`);
  const rows = await sql.all<{ stored: bigint | number | string | null; read: bigint | number | string | null }>(
    `SELECT (SELECT SUM(c."inboundCount") FROM "Conversation" c ${conversations.where}) AS "stored",
            (SELECT SUM(r."readInboundCount") FROM "ConversationReadState" r ${reads.where}) AS "read"`,
    ...conversations.values,
    userId,
    ...reads.values,
  );
  const row = rows[0];
  return Math.max(0, Number(row?.stored ?? 0) - Number(row?.read ?? 0));
}

/** Of these conversations, how many inbound messages the reader has read (0 where never opened). */
export async function readInboundCounts(sql: Sql, userId: string, conversationIds: string[]): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await sql.all<{ conversationId: string; readInboundCount: bigint | number }>(
    `SELECT "conversationId", "readInboundCount" FROM "ConversationReadState"
      WHERE "userId" = ? AND "conversationId" IN (${conversationIds.map(() => "?").join(", ")})`,
    userId,
    ...conversationIds,
  );
  return new Map(rows.map((row) => [row.conversationId, Number(row.readInboundCount)]));
}

/** One conversation's unread count for a reader, from its stored and read counts. */
export const unreadOf = (inboundCount: number, readInboundCount: number | undefined): number => Math.max(0, inboundCount - (readInboundCount ?? 0));

export interface ReadPosition {
  userId: string;
  conversationId: string;
  inboxId: string;
  lastReadKey: string;
}

/**
 * Moves a reader's position forward to `lastReadKey` (never back) and counts the inbound messages
 * at or before it; false when the position was already there. On PostgreSQL, call it holding the
 * event log's lock (events/log.ts), as the webhook's countLateInbound runs: the two are then
 * ordered, and each sees what the other committed.
 */
export async function moveReadPosition(sql: Sql, position: ReadPosition): Promise<boolean> {
  const { userId, conversationId, inboxId, lastReadKey } = position;
  const rows = await sql.all(
    `INSERT INTO "ConversationReadState" ("userId", "conversationId", "lastReadKey", "inboxId", "readInboundCount")
     VALUES (?, ?, ?, ?, (SELECT COUNT(*) FROM "Message" m WHERE m."conversationId" = ? AND m."direction" = 'inbound' AND m."sortKey" <= ?))
     ON CONFLICT ("userId", "conversationId") DO UPDATE
       SET "lastReadKey" = excluded."lastReadKey", "inboxId" = excluded."inboxId", "readInboundCount" = excluded."readInboundCount"
       WHERE "ConversationReadState"."lastReadKey" < excluded."lastReadKey"
     RETURNING "userId"`,
    userId,
    conversationId,
    lastReadKey,
    inboxId,
    conversationId,
    lastReadKey,
  );
  return rows.length > 0;
}

/**
 * A new inbound message at `sortKey`: it counts as read for whoever has read past it already (a
 * late message, out of order). Usually nobody has, and this is an empty index range. On PostgreSQL,
 * run it after the delivery's first event, which holds the event log's lock (see moveReadPosition).
 */
export async function countLateInbound(sql: Sql, conversationId: string, sortKey: string): Promise<void> {
  await sql.run(
    `UPDATE "ConversationReadState" SET "readInboundCount" = "readInboundCount" + 1 WHERE "conversationId" = ? AND "lastReadKey" >= ?`,
    conversationId,
    sortKey,
  );
}
