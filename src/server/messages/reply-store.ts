// The writes of message.send, in SQL that SQLite and PostgreSQL both accept. Every reply runs
// them; through Prisma's query builder each costs several times as much (see ingest-store.ts).
import type { Tx } from "../db/client";
import type { Conversation } from "../db/generated/client";
import type { ConversationRow, MessageRow } from "../services/dto";
import { ConflictError } from "../services/errors";
import { said } from "@/shared/server-text";

export interface StoredReply extends MessageRow {
  authorId: string | null;
}

/** A message by id, with its author's name, as the DTO mapping wants it. */
export async function findReply(tx: Tx, id: string): Promise<StoredReply | null> {
  const rows = await tx.$queryRaw<(Omit<StoredReply, "author"> & { authorName: string | null })[]>`
    SELECT m."id", m."conversationId", m."direction", m."type", m."body", m."status", m."statusReason",
           m."timestamp", m."sortKey", m."details", m."authorId", m."replyToWamid", m."replyToId", m."reactions", u."name" AS "authorName"
      FROM "Message" m LEFT JOIN "User" u ON u."id" = m."authorId"
     WHERE m."id" = ${id}`;
  const row = rows[0];
  if (!row) return null;
  const { authorName, ...message } = row;
  return { ...message, author: authorName === null ? null : { name: authorName } };
}

/**
 * A send whose id is stored already is a repeat (a retried or doubled request) only when it is the
 * same person's message of the same kind in the same conversation; any other is refused, so a
 * client can never read or claim someone else's message by guessing its id.
 */
export function assertSameSender(
  existing: StoredReply,
  sender: { conversationId: string; authorId: string; direction: "outbound" | "note" },
): void {
  const same = existing.conversationId === sender.conversationId && existing.authorId === sender.authorId && existing.direction === sender.direction;
  if (!same) throw new ConflictError(said("messageIdTaken"));
}

export interface NewReply {
  id: string;
  conversationId: string;
  body: string;
  authorId: string;
  timestamp: Date;
  sortKey: string;
  /** "text" unless given; other kinds keep what the worker needs to send them in `details`. */
  type?: string;
  /** JSON object of strings (see services/dto.ts), or null. */
  details?: string | null;
  /** A reply: the message it quotes, by its wamid (sent as context) and our id. */
  replyToWamid?: string | null;
  replyToId?: string | null;
}

/**
 * The reply as "queued", and its outbox job due now; false when a message with its id exists
 * already — also one that another process committed while this transaction waited for it.
 */
export async function insertQueuedReply(tx: Tx, reply: NewReply): Promise<boolean> {
  const now = new Date();
  const inserted = await tx.$executeRaw`
    INSERT INTO "Message" ("id", "conversationId", "direction", "type", "body", "details", "status", "authorId", "timestamp", "sortKey", "replyToWamid", "replyToId", "createdAt")
    VALUES (${reply.id}, ${reply.conversationId}, 'outbound', ${reply.type ?? "text"}, ${reply.body}, ${reply.details ?? null}, 'queued', ${reply.authorId},
            ${reply.timestamp}, ${reply.sortKey}, ${reply.replyToWamid ?? null}, ${reply.replyToId ?? null}, ${now})
    ON CONFLICT ("id") DO NOTHING`;
  if (inserted === 0) return false;
  await tx.$executeRaw`
    INSERT INTO "OutboxJob" ("messageId", "conversationId", "sortKey", "state", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${reply.id}, ${reply.conversationId}, ${reply.sortKey}, 'queued', 0, ${now}, ${now})`;
  return true;
}

/** Makes the reply the conversation's latest message unless a newer one is; returns the conversation. */
export async function touchConversationLatest(
  tx: Tx,
  conversationId: string,
  latest: { at: Date; type: string; body: string; sortKey: string },
): Promise<ConversationRow> {
  await tx.$executeRaw`
    UPDATE "Conversation" SET "lastMessageAt" = ${latest.at}, "lastPreview" = ${latest.body}, "lastPreviewType" = ${latest.type}, "lastMessageKey" = ${latest.sortKey}
     WHERE "id" = ${conversationId} AND "lastMessageKey" < ${latest.sortKey}`;
  const rows = await tx.$queryRaw<(Conversation & { contactWaId: string; contactName: string })[]>`
    SELECT c.*, ct."waId" AS "contactWaId", ct."name" AS "contactName"
      FROM "Conversation" c JOIN "Contact" ct ON ct."id" = c."contactId"
     WHERE c."id" = ${conversationId}`;
  const { contactWaId, contactName, ...conversation } = rows[0]!;
  return { ...conversation, contact: { id: conversation.contactId, waId: contactWaId, name: contactName } };
}
