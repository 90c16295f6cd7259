// Reads and writes of a message's reactions, in SQL both databases and both write paths (the
// webhook's direct connection, Prisma transactions) accept, with the event that tells clients.
import type { Sql } from "../db/sql";
import type { RecordEvent } from "../events/record";
import { ZReactions, type ReactionSide, type TReaction, type TReactions } from "@/shared/reactions";
import { withFailedSend, withReaction } from "./merge";

export interface ReactionTarget {
  id: string;
  conversationId: string;
  inboxId: string;
  direction: string;
  wamid: string | null;
  reactions: string | null;
  /** The customer of the message's conversation. */
  contactWaId: string;
}

const TARGET_SELECT = `SELECT m."id", m."conversationId", c."inboxId", m."direction", m."wamid", m."reactions", ct."waId" AS "contactWaId"
       FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId" JOIN "Contact" ct ON ct."id" = c."contactId"`;

/** The inbox's message with this wamid: a delivery signed for one number never touches another's. */
export async function findTargetByWamid(sql: Sql, inboxId: string, wamid: string): Promise<ReactionTarget | null> {
  const rows = await sql.all<ReactionTarget>(`${TARGET_SELECT} WHERE m."wamid" = ? AND c."inboxId" = ? LIMIT 1`, wamid, inboxId);
  return rows[0] ?? null;
}

export async function findTargetById(sql: Sql, id: string): Promise<ReactionTarget | null> {
  const rows = await sql.all<ReactionTarget>(`${TARGET_SELECT} WHERE m."id" = ?`, id);
  return rows[0] ?? null;
}

function parseReactions(json: string | null): TReactions | null {
  if (!json) return null;
  const parsed = ZReactions.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

async function save(sql: Sql, record: RecordEvent, target: ReactionTarget, next: TReactions): Promise<void> {
  await sql.run(`UPDATE "Message" SET "reactions" = ? WHERE "id" = ?`, JSON.stringify(next), target.id);
  await record(
    { inboxId: target.inboxId, conversationId: target.conversationId },
    { type: "message.reactions", conversationId: target.conversationId, messageId: target.id, reactions: next },
  );
}

/** Applies one side's reaction by the merge rule; returns whether anything changed. */
export async function react(sql: Sql, record: RecordEvent, target: ReactionTarget, side: ReactionSide, reaction: TReaction): Promise<boolean> {
  const next = withReaction(parseReactions(target.reactions), side, reaction);
  if (next) await save(sql, record, target, next);
  return next !== null;
}

// WhatsApp refuses a reaction to a message it no longer has (older than 30 days, deleted, or not
// in this chat) with 131009, "Parameter value is not valid": say what that means for a reaction.
function readableReason(reason: string): string {
  if (!/\(131009\)$/.test(reason)) return reason;
  return "WhatsApp no longer knows the message reacted to (it may be older than 30 days or deleted), so the reaction was not delivered. (131009)";
}

/** The reaction carried by `sendId` failed to send: shown on its message with the reason. */
export async function markReactionFailed(sql: Sql, record: RecordEvent, sendId: string, reason: string): Promise<void> {
  const rows = await sql.all<{ type: string; replyToId: string | null }>(`SELECT "type", "replyToId" FROM "Message" WHERE "id" = ?`, sendId);
  const send = rows[0];
  // The reaction's hidden message points at the message it reacts to through replyToId.
  if (send?.type !== "reaction" || !send.replyToId) return;
  const target = await findTargetById(sql, send.replyToId);
  const next = target && withFailedSend(parseReactions(target.reactions), sendId, readableReason(reason));
  if (target && next) await save(sql, record, target, next);
}
