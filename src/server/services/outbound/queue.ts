// The one way a message goes out: stored as "queued" with its outbox job (the worker,
// ../../outbox/worker.ts, sends it) and, for a message in the timeline, its `message.created`
// event, all in one transaction. Idempotent by the client-made id: a retried or doubled send, also
// one through another process at the same moment, gets the message the first one stored. Callers
// check the conversation through the visibility rule (../access.ts) and hand over what it found.
import { db, type Tx } from "../../db/client";
import { writeWithEvents } from "../../events/log";
import { prismaSql } from "../../db/prisma-sql";
import { findQuotedByIds } from "../../messages/quotes";
import { assertSameSender, findReply, insertQueuedReply, touchConversationLatest, type StoredReply } from "../../messages/reply-store";
import { makeSortKey } from "../../messages/sort-key";
import { countMessage, noteReply } from "../../reports/record";
import type { TMessage } from "@/shared/dto";
import type { Access, findVisibleConversation } from "../access";
import { toConversationSummary, toMessage, type QuotedRow } from "../dto";

/** A conversation the sender may see: what `findVisibleConversation` returned. */
export type VisibleConversation = NonNullable<Awaited<ReturnType<typeof findVisibleConversation>>>;

export interface OutboundContent {
  /** "text" unless given; other kinds keep what the worker needs to send them in `details`. */
  type?: string;
  body: string;
  /** JSON object of strings (see ../dto.ts), or null. */
  details?: string | null;
  /** The message this one replies or reacts to; sent to WhatsApp by its wamid (none yet: no context). */
  replyTo?: { id: string; wamid: string | null } | null;
}

/**
 * The message and its job, sorted after the conversation's newest message; null when a message
 * with this id exists already (also one another process committed while this transaction waited).
 */
export async function insertOutbound(tx: Tx, access: Access, conversation: VisibleConversation, id: string, content: OutboundContent) {
  const timestamp = new Date();
  const sortKey = makeSortKey(timestamp, id, conversation.lastMessageKey);
  const inserted = await insertQueuedReply(tx, {
    id,
    conversationId: conversation.id,
    type: content.type,
    body: content.body,
    details: content.details,
    authorId: access.userId,
    timestamp,
    sortKey,
    replyToWamid: content.replyTo?.wamid ?? null,
    replyToId: content.replyTo?.id ?? null,
  });
  return inserted ? { timestamp, sortKey } : null;
}

/**
 * The earlier send of this id as the client gets it, with the message it quotes like the first
 * answer had (a repeated send must not show the reply without its quote); a ConflictError when the
 * id is another message's.
 */
async function earlierSend(tx: Tx, access: Access, conversation: VisibleConversation, existing: StoredReply): Promise<TMessage> {
  assertSameSender(existing, { conversationId: conversation.id, authorId: access.userId, direction: "outbound" });
  const quoted = existing.replyToId ? ((await findQuotedByIds(prismaSql(tx), [existing.replyToId])).get(existing.replyToId) ?? null) : null;
  return toMessage({ ...existing, quoted });
}

/** The message an earlier send of `id` stored, or null: for senders with work to skip on a repeat. */
export async function findEarlierSend(access: Access, conversation: VisibleConversation, id: string): Promise<TMessage | null> {
  return db().transaction(async (tx) => {
    const existing = await findReply(tx, id);
    return existing && earlierSend(tx, access, conversation, existing);
  });
}

/** A message in the timeline: what it says (the list previews it from its type and body). */
export interface TimelineContent extends OutboundContent {
  /** A reply: the message it quotes, shown above it. */
  replyTo?: (QuotedRow & { wamid: string | null }) | null;
}

/**
 * Queues a message in the conversation and announces it; the same id again returns the stored one.
 * `compose` runs in the transaction, only for an id not seen before; it may refuse by throwing.
 */
export async function queueOutbound(
  access: Access,
  conversation: VisibleConversation,
  id: string,
  compose: (tx: Tx) => Promise<TimelineContent>,
): Promise<TMessage> {
  return writeWithEvents(async (tx, record) => {
    const existing = await findReply(tx, id);
    if (existing) return earlierSend(tx, access, conversation, existing);
    const content = await compose(tx);
    const inserted = await insertOutbound(tx, access, conversation, id, content);
    if (!inserted) return earlierSend(tx, access, conversation, (await findReply(tx, id))!);
    const updated = await touchConversationLatest(tx, conversation.id, { at: inserted.timestamp, type: content.type ?? "text", body: content.body, sortKey: inserted.sortKey });
    const sql = prismaSql(tx);
    await noteReply(sql, conversation.id, inserted.timestamp);
    await countMessage(sql, conversation.inboxId, access.userId, inserted.timestamp, "outbound");
    const message = toMessage({ ...(await findReply(tx, id))!, quoted: content.replyTo ?? null });
    await record({ inboxId: conversation.inboxId, conversationId: conversation.id }, { type: "message.created", conversation: toConversationSummary(updated), message });
    return message;
  });
}
