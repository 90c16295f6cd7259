// An agent's reaction: sent to WhatsApp through the durable outbox like any reply, as a hidden
// outbound message of type "reaction" (details.emoji, replyToWamid: the message reacted to),
// and shown at once on the message it reacts to, to every agent, through its event.
import { db } from "../db/client";
import { prismaSql } from "../db/sql";
import { writeWithEvents } from "../events/log";
import { makeSortKey } from "../messages/sort-key";
import { findVisibleConversation, type Access } from "../services/access";
import { ConflictError, NotFoundError } from "../services/errors";
import { ZReactions, type TReact, type TReactions } from "@/shared/reactions";
import { findTargetById, react } from "./store";

const current = (json: string | null): TReactions | null => (json ? ZReactions.parse(JSON.parse(json)) : null);

/** Sets the business's reaction on a message ("" takes it back); the same `id` again changes nothing. */
export async function reactToMessage(access: Access, input: TReact): Promise<TReactions | null> {
  const found = await db().read.message.findUnique({ where: { id: input.messageId }, select: { conversationId: true } });
  const conversation = found && (await findVisibleConversation(access, found.conversationId));
  if (!conversation) throw new NotFoundError("Message not found");
  return writeWithEvents(async (tx, record) => {
    const sql = prismaSql(tx);
    const target = await findTargetById(sql, input.messageId);
    if (!target) throw new NotFoundError("Message not found");
    const repeated = await tx.message.findUnique({ where: { id: input.id }, select: { type: true, replyToId: true, authorId: true } });
    if (repeated) {
      if (repeated.type !== "reaction" || repeated.replyToId !== target.id || repeated.authorId !== access.userId) {
        throw new ConflictError("This reaction id belongs to another message");
      }
      return current(target.reactions);
    }
    if (target.direction === "note") throw new ConflictError("A private note cannot be reacted to");
    if (!target.wamid) throw new ConflictError("This message has not reached WhatsApp yet, so it cannot be reacted to");
    const business = current(target.reactions)?.business;
    if (input.emoji === "" && (!business || business.emoji === "")) return current(target.reactions);

    const now = new Date();
    const sortKey = makeSortKey(now, input.id, conversation.lastMessageKey);
    await tx.message.create({
      data: {
        id: input.id,
        conversationId: target.conversationId,
        direction: "outbound",
        type: "reaction",
        // The emoji in details, not body: a reaction is no text to find in search (which indexes bodies).
        body: "",
        details: JSON.stringify({ emoji: input.emoji }),
        status: "queued",
        authorId: access.userId,
        timestamp: now,
        sortKey,
        replyToWamid: target.wamid,
        replyToId: target.id,
      },
    });
    await tx.outboxJob.create({
      data: { messageId: input.id, conversationId: target.conversationId, sortKey, state: "queued", nextAttemptAt: now },
    });
    const author = await tx.user.findUniqueOrThrow({ where: { id: access.userId }, select: { name: true } });
    const reaction = { emoji: input.emoji, at: now.toISOString(), byName: author.name, wamid: null, sendId: input.id, failed: null };
    await react(sql, record, target, "business", reaction);
    return current((await findTargetById(sql, target.id))!.reactions);
  });
}
