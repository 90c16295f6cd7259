// Reading conversations and their history for one user, and marking them read.
import { db } from "../../db/client";
import { readSql } from "../../db/sql";
import { writeWithEvents } from "../../events/log";
import { z } from "zod";
import type { Prisma } from "../../db/generated/client";
import { CONVERSATION_STATUSES, type TConversationListItem, type TMessage } from "@/shared/dto";
import {
  ASSIGNEE_VIEWS,
  matchesView,
  type ConversationCounts,
  type TConversationFilter,
} from "@/shared/conversation-filter";
import { findVisibleConversation, visibleConversations, type Access } from "../access";
import { toConversationSummary, toMessage } from "../dto";
import { NotFoundError } from "../errors";
import { findQuotedByIds } from "../../messages/quotes";
import { sendReadReceipt } from "../../whatsapp/customer-signals";
import { logger } from "../../logger";

const LIST_LIMIT = 200;

/** The Prisma form of a list filter (src/shared/conversation-filter.ts holds the rule itself). */
function filterWhere(filter: TConversationFilter, userId: string): Prisma.ConversationWhereInput {
  const byView = { mine: { assigneeId: userId }, unassigned: { assigneeId: null }, all: {} }[filter.view];
  return filter.status === "all" ? byView : { ...byView, status: filter.status };
}

export async function listConversations(access: Access, filter: TConversationFilter): Promise<TConversationListItem[]> {
  const rows = await db().read.conversation.findMany({
    where: { AND: [visibleConversations(access), filterWhere(filter, access.userId)] },
    include: { contact: true },
    // The newest message's sort key orders by send time, then arrival: ties within a second of
    // WhatsApp's clock still come out in the order the messages reached us.
    orderBy: [{ lastMessageKey: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
  });
  const unread = await unreadCounts(access.userId, rows.map((row) => row.id));
  return rows.map((row) => ({ ...toConversationSummary(row), unreadCount: unread.get(row.id) ?? 0 }));
}

export interface ConversationCountsResult {
  counts: ConversationCounts;
  /** Unread customer messages over every conversation the user sees: the tab title's number. */
  unread: number;
}

/** The counts beside the list's filters, and the user's unread total. */
export async function countConversations(access: Access): Promise<ConversationCountsResult> {
  const groups = await db().read.conversation.groupBy({
    by: ["status", "assigneeId"],
    where: visibleConversations(access),
    _count: { _all: true },
  });
  const empty = () => ({ open: 0, pending: 0, resolved: 0 });
  const counts: ConversationCounts = { mine: empty(), unassigned: empty(), all: empty() };
  for (const group of groups) {
    const status = ZStatus.safeParse(group.status);
    if (!status.success) continue;
    for (const view of ASSIGNEE_VIEWS) {
      if (matchesView(view, group.assigneeId, access.userId)) counts[view][status.data] += group._count._all;
    }
  }
  return { counts, unread: await unreadTotal(access) };
}

const ZStatus = z.enum(CONVERSATION_STATUSES);

/**
 * Inbound messages past the user's read position, over the conversations they see. Only
 * conversations whose newest message is past it are looked into, each by an index range.
 */
async function unreadTotal(access: Access): Promise<number> {
  const inboxes = access.inboxIds === "all" ? null : [...access.inboxIds];
  if (inboxes?.length === 0) return 0;
  const inboxFilter = inboxes ? `AND c."inboxId" IN (${inboxes.map(() => "?").join(", ")})` : "";
  const rows = await readSql().all<{ unread: bigint | number }>(
    `SELECT COUNT(*) AS "unread"
       FROM "Conversation" c
       LEFT JOIN "ConversationReadState" r ON r."conversationId" = c."id" AND r."userId" = ?
       JOIN "Message" m ON m."conversationId" = c."id" AND m."sortKey" > COALESCE(r."lastReadKey", '')
      WHERE c."lastMessageKey" > COALESCE(r."lastReadKey", '') AND m."direction" = 'inbound' ${inboxFilter}`,
    access.userId,
    ...(inboxes ?? []),
  );
  return Number(rows[0]?.unread ?? 0);
}

/** Inbound messages newer than the user's read position, per conversation. */
async function unreadCounts(userId: string, conversationIds: string[]): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const placeholders = conversationIds.map(() => "?").join(", ");
  const rows = await readSql().all<{ conversationId: string; unread: bigint | number }>(
    `SELECT m."conversationId" AS "conversationId", COUNT(*) AS "unread"
       FROM "Message" m
       LEFT JOIN "ConversationReadState" r ON r."conversationId" = m."conversationId" AND r."userId" = ?
      WHERE m."direction" = 'inbound' AND m."conversationId" IN (${placeholders})
        AND m."sortKey" > COALESCE(r."lastReadKey", '')
      GROUP BY m."conversationId"`,
    userId,
    ...conversationIds,
  );
  return new Map(rows.map((row) => [row.conversationId, Number(row.unread)]));
}

export async function getConversation(access: Access, conversationId: string) {
  const row = await findVisibleConversation(access, conversationId);
  if (!row) throw new NotFoundError("Conversation not found");
  return toConversationSummary(row);
}

export interface MessagePage {
  /** Oldest first, as the conversation reads. */
  messages: TMessage[];
  /** Pass as `before` to load the page of older messages; null at the start of the history. */
  olderCursor: string | null;
}

export async function listMessages(
  access: Access,
  conversationId: string,
  options: { before?: string | null; limit: number },
): Promise<MessagePage> {
  await getConversation(access, conversationId);
  const rows = await db().read.message.findMany({
    // Our reactions travel as hidden outbound messages (../reactions/outbound.ts); they show on the message they react to.
    where: { conversationId, NOT: { type: "reaction", direction: "outbound" }, ...(options.before ? { sortKey: { lt: options.before } } : {}) },
    orderBy: { sortKey: "desc" },
    take: options.limit + 1,
    include: { author: { select: { name: true } } },
  });
  const hasOlder = rows.length > options.limit;
  const page = rows.slice(0, options.limit).reverse();
  const quoted = await findQuotedByIds(readSql(), [...new Set(page.flatMap((row) => (row.replyToId ? [row.replyToId] : [])))]);
  const messages = page.map((row) => toMessage({ ...row, quoted: row.replyToId ? (quoted.get(row.replyToId) ?? null) : null }));
  return { messages, olderCursor: hasOlder && page[0] ? page[0].sortKey : null };
}

/** Moves this user's read position forward to `upToKey` (never back); other users are unaffected. */
export async function markRead(access: Access, conversationId: string, upToKey: string): Promise<void> {
  const conversation = await getConversation(access, conversationId);
  const key = upToKey > conversation.lastMessageKey ? conversation.lastMessageKey : upToKey;
  const moved = await writeWithEvents(async (tx, record) => {
    const where = { userId_conversationId: { userId: access.userId, conversationId } };
    const current = await tx.conversationReadState.findUnique({ where });
    if (current && current.lastReadKey >= key) return false;
    await tx.conversationReadState.upsert({
      where,
      create: { userId: access.userId, conversationId, lastReadKey: key },
      update: { lastReadKey: key },
    });
    await record(
      { inboxId: conversation.inboxId, conversationId, userId: access.userId },
      { type: "conversation.read", conversationId, userId: access.userId, lastReadKey: key },
    );
    return true;
  });
  // The customer's blue ticks: after the commit, and not awaited — the agent's own read position
  // is what this call answers for; the receipt is best effort (customer-signals.ts).
  if (moved) {
    sendReadReceipt(conversationId, key).catch((error: unknown) => logger.warn("read receipt failed", { conversationId, error: String(error) }));
  }
}
