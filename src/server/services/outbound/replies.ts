// Sending replies and queueing failed ones again. Both check the conversation through the same
// visibility rule as the list and the stream, and write the message, its outbox job and its event
// in one transaction (a new reply through queue.ts); the worker (../../outbox/worker.ts) does the
// talking to WhatsApp.
import { db, type Tx } from "../../db/client";
import { writeWithEvents } from "../../events/log";
import type { TMessage, TSendMessage } from "@/shared/dto";
import { canRetry } from "@/shared/message-status";
import { findVisibleConversation, type Access } from "../access";
import { NotFoundError } from "../errors";
import { toMessage, type QuotedRow } from "../dto";
import { queueOutbound } from "./queue";
import { said } from "@/shared/server-text";

const withAuthor = { author: { select: { name: true } } } as const;

/** Stores a reply as queued with its outbox job; the same `id` again returns the stored message. */
export async function sendMessage(access: Access, input: TSendMessage): Promise<TMessage> {
  const conversation = await findVisibleConversation(access, input.conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  return queueOutbound(access, conversation, input.id, async (tx) => ({
    body: input.body,
    // A note or a reply not yet accepted has no wamid: quoted here, sent without context.
    replyTo: input.replyToId ? await findQuotedInConversation(tx, input.conversationId, input.replyToId) : null,
  }));
}

/** Queues a failed reply again. Retrying one that is no longer failed changes nothing. */
export async function retryMessage(access: Access, messageId: string): Promise<TMessage> {
  const found = await db().read.message.findUnique({ where: { id: messageId }, select: { conversationId: true } });
  const conversation = found && (await findVisibleConversation(access, found.conversationId));
  if (!conversation) throw new NotFoundError(said("messageNotFound"));
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

/** The message an agent's reply quotes: it must be in the same conversation. */
async function findQuotedInConversation(tx: Tx, conversationId: string, id: string): Promise<QuotedRow & { wamid: string | null }> {
  const quoted = await tx.message.findFirst({
    where: { id, conversationId },
    select: { id: true, direction: true, type: true, body: true, wamid: true },
  });
  if (!quoted) throw new NotFoundError(said("quotedNotHere"));
  return quoted;
}
