// A customer's reaction from the webhook: not a message of its own but a change to the message it
// reacts to. WhatsApp may deliver it twice or after a newer one; the merge rule (./merge.ts)
// makes each count once and the newest win. An empty emoji takes the reaction back.
import { z } from "zod";
import type { Sql } from "../db/sql";
import type { RecordEvent } from "../events/record";
import type { TInboundMessage } from "../whatsapp/payload";
import { findTargetByWamid, react } from "./store";

const ZInboundReaction = z.looseObject({
  reaction: z.looseObject({ message_id: z.string().min(1), emoji: z.string().max(32).optional() }),
});

/** The reaction's fields, or null when it does not have the documented shape (stored as unsupported then). */
export function parseInboundReaction(message: TInboundMessage): { messageWamid: string; emoji: string } | null {
  if (message.type !== "reaction") return null;
  const parsed = ZInboundReaction.safeParse(message);
  return parsed.success ? { messageWamid: parsed.data.reaction.message_id, emoji: parsed.data.reaction.emoji ?? "" } : null;
}

/**
 * Applies the customer's reaction to the inbox's message it names. False when it changes nothing:
 * a duplicate, an older one, or one on a message we do not have (nothing to show it on) or that
 * is not in this customer's conversation.
 */
export async function applyInboundReaction(
  sql: Sql,
  record: RecordEvent,
  inboxId: string,
  message: TInboundMessage,
  reaction: { messageWamid: string; emoji: string },
  profileName: string | undefined,
): Promise<boolean> {
  const target = await findTargetByWamid(sql, inboxId, reaction.messageWamid);
  if (!target || target.contactWaId !== message.from) return false;
  const contacts = await sql.all<{ name: string }>(
    `SELECT ct."name" FROM "Conversation" c JOIN "Contact" ct ON ct."id" = c."contactId" WHERE c."id" = ?`,
    target.conversationId,
  );
  const at = new Date(Number(message.timestamp) * 1000).toISOString();
  const byName = contacts[0]?.name || profileName || message.from;
  return react(sql, record, target, "customer", { emoji: reaction.emoji, at, byName, wamid: message.id, sendId: null, failed: null });
}
