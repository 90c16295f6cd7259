// Private notes: the team's own words in a conversation, shown with its history and live to
// everyone who sees it, never sent to WhatsApp. A note is a message with direction "note" and no
// outbox job, so the worker cannot pick it up; it does not change the conversation's preview
// (the list shows what the customer sees) nor anyone's unread count (that counts customer messages).
import { writeWithEvents } from "../../events/log";
import { assertSameSender, findReply } from "../../messages/reply-store";
import { makeSortKey } from "../../messages/sort-key";
import type { TMessage, TSendMessage } from "@/shared/dto";
import { findVisibleConversation, type Access } from "../access";
import { toConversationSummary, toMessage } from "../dto";
import { NotFoundError } from "../errors";
import { said } from "@/shared/server-text";

/** Stores a note; the same `id` again returns the stored note (a retried or doubled request). */
export async function addNote(access: Access, input: TSendMessage): Promise<TMessage> {
  const conversation = await findVisibleConversation(access, input.conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  return writeWithEvents(async (tx, record) => {
    const existing = await findReply(tx, input.id);
    if (existing) {
      assertSameSender(existing, { conversationId: input.conversationId, authorId: access.userId, direction: "note" });
      return toMessage(existing);
    }
    const now = new Date();
    await tx.message.create({
      data: {
        id: input.id,
        conversationId: input.conversationId,
        direction: "note",
        type: "text",
        body: input.body,
        status: "received",
        authorId: access.userId,
        timestamp: now,
        sortKey: makeSortKey(now, input.id, conversation.lastMessageKey),
      },
    });
    const message = toMessage((await findReply(tx, input.id))!);
    await record(
      { inboxId: conversation.inboxId, conversationId: conversation.id },
      { type: "message.created", conversation: toConversationSummary(conversation), message },
    );
    return message;
  });
}
