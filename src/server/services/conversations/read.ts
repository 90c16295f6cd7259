// Reading conversations and their history for one user, and marking them read.
import { db } from "../../db/client";
import { prismaSql, readSql } from "../../db/prisma-sql";
import { writeWithEvents } from "../../events/log";
import { holdEventLog } from "../../events/record";
import { moveReadPosition, readInboundCounts, unreadOf, unreadTotal as countUnread } from "../../messages/unread";
import { z } from "zod";
import type { Prisma } from "../../db/generated/client";
import { CONVERSATION_STATUSES, type TMessage } from "@/shared/dto";
import { CONVERSATION_PAGE_SIZE, type ConversationListPage, type TConversationListInput } from "@/shared/conversation-page";
import {
  addToCounts,
  emptyCounts,
  type ConversationCounts,
  type LabelCounts,
  type TConversationFilter,
} from "@/shared/conversation-filter";
import { findVisibleConversation, visibleConversations, type Access } from "../access";
import { decodeListCursor, encodeListCursor, type ListPosition } from "@/shared/list-cursor";
import { toConversationSummary, toMessage } from "../dto";
import { InvalidRequestError, NotFoundError } from "../errors";
import { findQuotedByIds } from "../../messages/quotes";
import { sendReadReceipt } from "../../whatsapp/customer-signals";
import { logger } from "../../logger";
import { parseSortKey } from "../../messages/sort-key";
import type { TActivity } from "@/shared/activity";
import { listActivity } from "./activity";
import { said } from "@/shared/server-text";

/** The Prisma form of a list filter (src/shared/conversation-filter.ts holds the rule itself). */
function filterWhere(filter: TConversationFilter, userId: string): Prisma.ConversationWhereInput {
  const byView = { mine: { assigneeId: userId }, unassigned: { assigneeId: null }, all: {} }[filter.view];
  const byLabel = filter.label === undefined ? {} : { labels: { some: { labelId: filter.label } } };
  return filter.status === "all" ? { ...byView, ...byLabel } : { ...byView, ...byLabel, status: filter.status };
}

/**
 * Conversations after `position` in the list's order. Written as a range on the sort key plus a
 * tie-break, rather than an OR of the two, so the (lastMessageKey, id) index serves it directly.
 */
function afterPosition(position: ListPosition | null): Prisma.ConversationWhereInput {
  if (!position) return {};
  const { lastMessageKey, id } = position;
  return { lastMessageKey: { lte: lastMessageKey }, OR: [{ lastMessageKey: { lt: lastMessageKey } }, { id: { lt: id } }] };
}

/** One page of the list, newest first; `nextCursor` continues it. */
export async function listConversations(
  access: Access,
  input: TConversationFilter & Partial<Pick<TConversationListInput, "cursor" | "limit">>,
): Promise<ConversationListPage> {
  const limit = input.limit ?? CONVERSATION_PAGE_SIZE;
  const after = input.cursor ? decodeListCursor(input.cursor) : null;
  if (input.cursor && !after) throw new InvalidRequestError(said("badCursor"));
  const rows = await db().read.conversation.findMany({
    where: { AND: [visibleConversations(access), filterWhere(input, access.userId), afterPosition(after)] },
    include: { contact: true },
    // The newest message's sort key orders by send time, then arrival: ties within a second of
    // WhatsApp's clock still come out in the order the messages reached us. The id makes the
    // order total, which the cursor needs.
    orderBy: [{ lastMessageKey: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const read = await readInboundCounts(readSql(), access.userId, page.map((row) => row.id));
  return {
    items: page.map((row) => ({ ...toConversationSummary(row), unreadCount: unreadOf(row.inboundCount, read.get(row.id)) })),
    nextCursor: rows.length > limit && last ? encodeListCursor(last) : null,
  };
}

export interface ConversationCountsResult {
  counts: ConversationCounts;
  /** The same counts for each label's conversations, for the label filter. */
  labels: LabelCounts;
  /** Unread customer messages over every conversation the user sees: the tab title's number. */
  unread: number;
}

/** The counts beside the list's filters, and the user's unread total. */
export async function countConversations(access: Access): Promise<ConversationCountsResult> {
  const groups = await db().read.conversation.groupBy({
    // Grouped by inbox too, though only added up: that is the (inboxId, status, assigneeId) index's
    // own order, so the groups come from one walk of it instead of a sort of every conversation
    // (22 ms → 8 ms for 50,000, README "A big inbox").
    by: ["inboxId", "status", "assigneeId"],
    where: visibleConversations(access),
    _count: { _all: true },
  });
  const counts = emptyCounts();
  for (const group of groups) {
    const status = ZStatus.safeParse(group.status);
    if (status.success) addToCounts(counts, status.data, group.assigneeId, access.userId, group._count._all);
  }
  const [labels, unread] = await Promise.all([countByLabel(access), unreadTotal(access)]);
  return { counts, labels, unread };
}

/** Per label, the visible conversations with it by status and assignee: one pass over the label index. */
async function countByLabel(access: Access): Promise<LabelCounts> {
  const inboxes = access.inboxIds === "all" ? null : [...access.inboxIds];
  if (inboxes?.length === 0) return {};
  const inboxFilter = inboxes ? `WHERE c."inboxId" IN (${inboxes.map(() => "?").join(", ")})` : "";
  const rows = await readSql().all<{ labelId: string; status: string; assigneeId: string | null; conversations: bigint | number }>(
    `SELECT cl."labelId" AS "labelId", c."status" AS "status", c."assigneeId" AS "assigneeId", COUNT(*) AS "conversations"
       FROM "ConversationLabel" cl JOIN "Conversation" c ON c."id" = cl."conversationId"
       ${inboxFilter}
      GROUP BY cl."labelId", c."status", c."assigneeId"`,
    ...(inboxes ?? []),
  );
  const labels: LabelCounts = {};
  for (const row of rows) {
    const status = ZStatus.safeParse(row.status);
    if (status.success) addToCounts((labels[row.labelId] ??= emptyCounts()), status.data, row.assigneeId, access.userId, Number(row.conversations));
  }
  return labels;
}

const ZStatus = z.enum(CONVERSATION_STATUSES);

/** Inbound messages past the user's read position, over the conversations they see. */
export const unreadTotal = (access: Access): Promise<number> => countUnread(readSql(), access.userId, access.inboxIds);

export async function getConversation(access: Access, conversationId: string) {
  const row = await findVisibleConversation(access, conversationId);
  if (!row) throw new NotFoundError(said("conversationNotFound"));
  return toConversationSummary(row);
}

export interface MessagePage {
  /** Oldest first, as the conversation reads. */
  messages: TMessage[];
  /** Pass as `before` to load the page of older messages; null at the start of the history. */
  olderCursor: string | null;
  /** Assignment and status changes from this page's first message to the next page's, oldest first. */
  activity: TActivity[];
}

/** When a sort key's message was sent: where pages of history meet, for their activity. */
function sentAt(sortKey: string | null | undefined): Date | null {
  const parts = sortKey ? parseSortKey(sortKey) : null;
  return parts ? new Date(parts.sentSecond * 1000) : null;
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
  const olderCursor = hasOlder && page[0] ? page[0].sortKey : null;
  // Each page holds the activity since its first message (all before it, on the first page) up to
  // the next page's first message: the pages' windows meet at the same key, so none is shown twice.
  const activity = await listActivity(conversationId, { from: sentAt(olderCursor), to: sentAt(options.before) });
  return { messages, olderCursor, activity };
}

/** Moves this user's read position forward to `upToKey` (never back); other users are unaffected. */
export async function markRead(access: Access, conversationId: string, upToKey: string): Promise<void> {
  const conversation = await getConversation(access, conversationId);
  const key = upToKey > conversation.lastMessageKey ? conversation.lastMessageKey : upToKey;
  const moved = await writeWithEvents(async (tx, record) => {
    const sql = prismaSql(tx);
    // Before the read count is taken: a late customer message stored meanwhile is then either
    // counted here or counted as read by the webhook (messages/unread.ts), never neither.
    await holdEventLog(sql);
    const position = { userId: access.userId, conversationId, inboxId: conversation.inboxId, lastReadKey: key };
    if (!(await moveReadPosition(sql, position))) return false;
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
