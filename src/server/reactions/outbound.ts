// An agent's reaction: sent to WhatsApp through the durable outbox like any reply (queued by
// services/outbound/queue.ts), as a hidden outbound message of type "reaction" (details.emoji,
// replyToWamid: the message reacted to), and shown at once on the message it reacts to, to every
// agent, through its message.reactions event (no message.created: it is not in the timeline).
import { db, type Tx } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import { writeWithEvents } from "../events/log";
import { findVisibleConversation, type Access } from "../services/access";
import { ConflictError, NotFoundError } from "../services/errors";
import { insertOutbound } from "../services/outbound/queue";
import { ZReactions, type TReact, type TReactions } from "@/shared/reactions";
import { findTargetById, react } from "./store";
import { said } from "@/shared/server-text";

const current = (json: string | null): TReactions | null => (json ? ZReactions.parse(JSON.parse(json)) : null);

/** Whether `id` is this user's reaction to this message, sent before; a ConflictError if it is another message's id. */
async function sentBefore(tx: Tx, access: Access, id: string, targetId: string): Promise<boolean> {
  const repeated = await tx.message.findUnique({ where: { id }, select: { type: true, replyToId: true, authorId: true } });
  if (!repeated) return false;
  if (repeated.type !== "reaction" || repeated.replyToId !== targetId || repeated.authorId !== access.userId) {
    throw new ConflictError(said("reactionIdTaken"));
  }
  return true;
}

/** Sets the business's reaction on a message ("" takes it back); the same `id` again changes nothing. */
export async function reactToMessage(access: Access, input: TReact): Promise<TReactions | null> {
  const found = await db().read.message.findUnique({ where: { id: input.messageId }, select: { conversationId: true } });
  const conversation = found && (await findVisibleConversation(access, found.conversationId));
  if (!conversation) throw new NotFoundError(said("messageNotFound"));
  return writeWithEvents(async (tx, record) => {
    const sql = prismaSql(tx);
    const target = await findTargetById(sql, input.messageId);
    if (!target) throw new NotFoundError(said("messageNotFound"));
    if (await sentBefore(tx, access, input.id, target.id)) return current(target.reactions);
    if (target.direction === "note") throw new ConflictError(said("noteNoReaction"));
    if (!target.wamid) throw new ConflictError(said("notOnWhatsAppYet"));
    const business = current(target.reactions)?.business;
    if (input.emoji === "" && (!business || business.emoji === "")) return current(target.reactions);

    // No message.created and no new preview: the reaction shows on the message it reacts to.
    const queued = await insertOutbound(tx, access, conversation, input.id, {
      type: "reaction",
      // The emoji in details, not body: a reaction is no text to find in search (which indexes bodies).
      body: "",
      details: JSON.stringify({ emoji: input.emoji }),
      replyTo: target,
    });
    if (!queued) {
      // Another process stored this id meanwhile: the same reaction (its change stands), or a conflict.
      await sentBefore(tx, access, input.id, target.id);
      return current((await findTargetById(sql, target.id))!.reactions);
    }
    const author = await tx.user.findUniqueOrThrow({ where: { id: access.userId }, select: { name: true } });
    const reaction = { emoji: input.emoji, at: queued.timestamp.toISOString(), byName: author.name, wamid: null, sendId: input.id, failed: null };
    await react(sql, record, target, "business", reaction);
    return current((await findTargetById(sql, target.id))!.reactions);
  });
}
