// Sending replies and queueing failed ones again. Both check the conversation through the same
// visibility rule as the list and the stream, and write the message, its outbox job and its event
// in one transaction; the worker (../outbox/worker.ts) does the talking to WhatsApp.
import { db } from "../../db/client";
import { writeWithEvents } from "../../events/log";
import { findReply, insertQueuedReply, touchConversationLatest } from "../../messages/reply-store";
import { makeSortKey } from "../../messages/sort-key";
import type { TMessage, TSendMessage } from "@/shared/dto";
import { canRetry } from "@/shared/message-status";
import { findVisibleConversation, type Access } from "../access";
import { ConflictError, NotFoundError } from "../errors";
import { findQuotedInConversation } from "../../messages/quotes";
import { toConversationSummary, toMessage } from "../dto";

const withAuthor = { author: { select: { name: true } } } as const;

/** Stores a reply as queued with its outbox job; the same `id` again returns the stored message. */
export async function sendMessage(access: Access, input: TSendMessage): Promise<TMessage> {
  const conversation = await findVisibleConversation(access, input.conversationId);
  if (!conversation) throw new NotFoundError("Conversation not found");
  // A retried or doubled send (also one through another process at the same moment): the first one stands.
  const firstOne = (existing: NonNullable<Awaited<ReturnType<typeof findReply>>>) => {
    const same = existing.conversationId === input.conversationId && existing.authorId === access.userId && existing.direction === "outbound";
    if (!same) throw new ConflictError("This message id belongs to another message");
    return { message: toMessage({ ...existing, quoted: null }), created: false };
  };
  const message = await writeWithEvents(async (tx, record) => {
    const existing = await findReply(tx, input.id);
    if (existing) return firstOne(existing);
    const now = new Date();
    const quoted = input.replyToId ? await findQuotedInConversation(tx, input.conversationId, input.replyToId) : null;
    const reply = {
      ...input,
      authorId: access.userId,
      timestamp: now,
      sortKey: makeSortKey(now, input.id, conversation.lastMessageKey),
      // A note or a reply not yet accepted has no wamid: quoted here, sent without context.
      replyToWamid: quoted?.wamid ?? null,
      replyToId: quoted?.id ?? null,
    };
    if (!(await insertQueuedReply(tx, reply))) return firstOne((await findReply(tx, input.id))!);
    const stored = await findReply(tx, input.id);
    const updated = await touchConversationLatest(tx, input.conversationId, { at: now, preview: input.body, sortKey: reply.sortKey });
    const message = toMessage({ ...stored!, quoted });
    await record(
      { inboxId: conversation.inboxId, conversationId: conversation.id },
      { type: "message.created", conversation: toConversationSummary(updated), message },
    );
    return { message, created: true };
  });
  return message.message;
}

/** Queues a failed reply again. Retrying one that is no longer failed changes nothing. */
export async function retryMessage(access: Access, messageId: string): Promise<TMessage> {
  const found = await db().read.message.findUnique({ where: { id: messageId }, select: { conversationId: true } });
  const conversation = found && (await findVisibleConversation(access, found.conversationId));
  if (!conversation) throw new NotFoundError("Message not found");
  const result = await writeWithEvents(async (tx, record) => {
    const current = await tx.message.findUniqueOrThrow({ where: { id: messageId }, include: withAuthor });
    if (current.direction !== "outbound" || !canRetry(current.status)) {
      return { message: toMessage(current), requeued: false };
    }
    const now = new Date();
    const row = await tx.message.update({
      where: { id: messageId },
      data: { status: "queued", statusReason: null, statusAt: now },
      include: withAuthor,
    });
    const job = { state: "queued", attempts: 0, nextAttemptAt: now, lastError: null };
    await tx.outboxJob.upsert({
      where: { messageId },
      create: { messageId, conversationId: row.conversationId, sortKey: row.sortKey, ...job },
      update: job,
    });
    await record(
      { inboxId: conversation.inboxId, conversationId: conversation.id },
      { type: "message.updated", conversationId: conversation.id, message: toMessage(row) },
    );
    return { message: toMessage(row), requeued: true };
  });
  return result.message;
}
