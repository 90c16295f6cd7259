// A conversation's labels: anyone who may see the conversation sets them (checked by the one
// visibility rule, ../access.ts). The ids are kept twice, in the same transaction: in the
// conversation's row (Conversation.labelIds, so every summary carries them and its revision orders
// the changes) and in ConversationLabel (indexed by label, for filtering the list by one).
import type { Tx } from "../../db/client";
import { prismaSql } from "../../db/prisma-sql";
import { writeWithEvents } from "../../events/log";
import type { TConversationSummary } from "@/shared/dto";
import { decodeLabelIds, encodeLabelIds, MAX_LABELS_PER_CONVERSATION } from "@/shared/labels";
import { findVisibleConversation, type Access } from "../access";
import { recordConversationUpdated } from "../conversations/assignment";
import { toConversationSummary } from "../dto";
import { InvalidRequestError, NotFoundError } from "../errors";
import { said } from "@/shared/server-text";

/** Gives the conversation exactly `labelIds` (in that order); the same set again changes nothing. */
export async function setConversationLabels(access: Access, conversationId: string, labelIds: readonly string[]): Promise<TConversationSummary> {
  const wanted = [...new Set(labelIds)];
  if (wanted.length > MAX_LABELS_PER_CONVERSATION) {
    throw new InvalidRequestError(said("tooManyLabels", { max: MAX_LABELS_PER_CONVERSATION }));
  }
  const conversation = await findVisibleConversation(access, conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  return writeWithEvents(async (tx, record) => {
    // Two people labelling at once: on PostgreSQL the second waits for the first here, then reads
    // what it left, so the row's ids and the index table never disagree. (SQLite has one writer.)
    const sql = prismaSql(tx);
    if (sql.provider === "postgresql") await sql.run(`SELECT 1 FROM "Conversation" WHERE "id" = ? FOR UPDATE`, conversationId);
    // A label being deleted at this moment: its deletion finishes first (and it is not found
    // below), or waits for this labelling to commit (and then takes it off) — never a foreign-key
    // failure halfway through this write.
    if (sql.provider === "postgresql" && wanted.length > 0) {
      await sql.run(`SELECT 1 FROM "Label" WHERE "id" IN (${wanted.map(() => "?").join(", ")}) FOR SHARE`, ...wanted);
    }
    const current = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { contact: true } });
    const before = decodeLabelIds(current.labelIds);
    const labels = await tx.label.findMany({ where: { id: { in: [...new Set([...wanted, ...before])] } }, select: { id: true, name: true } });
    const byId = new Map(labels.map((label) => [label.id, label]));
    // A label deleted meanwhile is refused rather than silently dropped: the person chose it.
    if (wanted.some((id) => !byId.has(id))) throw new NotFoundError(said("labelDeleted"));
    const added = wanted.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !wanted.includes(id));
    if (added.length === 0 && removed.length === 0) return toConversationSummary(current);

    if (removed.length > 0) await tx.conversationLabel.deleteMany({ where: { conversationId, labelId: { in: removed } } });
    if (added.length > 0) await tx.conversationLabel.createMany({ data: added.map((labelId) => ({ conversationId, labelId })) });
    const row = await tx.conversation.update({
      where: { id: conversationId },
      data: { labelIds: encodeLabelIds(wanted), revision: { increment: 1 } },
      include: { contact: true },
    });
    const named = (ids: string[]) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    return recordConversationUpdated(tx, record, row, { kind: "user", userId: access.userId }, () => ({
      field: "labels",
      added: named(added),
      removed: named(removed),
      at: new Date().toISOString(),
    }));
  });
}

/**
 * Takes a label off every conversation (before it is deleted), in one statement. No event per
 * conversation: the team-wide `labels.changed` that the deletion records makes every dashboard
 * forget the label, and a summary still holding its id shows nothing for it.
 */
export async function stripLabelFromConversations(tx: Tx, labelId: string): Promise<void> {
  const marked = `,${labelId},`;
  await tx.$executeRaw`
    UPDATE "Conversation"
       SET "labelIds" = CASE WHEN REPLACE("labelIds", ${marked}, ',') = ',' THEN '' ELSE REPLACE("labelIds", ${marked}, ',') END
     WHERE "id" IN (SELECT "conversationId" FROM "ConversationLabel" WHERE "labelId" = ${labelId})`;
  // The foreign key would cascade too; said here so the two copies visibly go together.
  await tx.conversationLabel.deleteMany({ where: { labelId } });
}
