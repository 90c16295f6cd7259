// How a live event changes cached data. Pure functions over the cached shapes, so the same event
// applied twice (a replay after reconnect) changes nothing: messages are keyed by id, summaries
// and statuses only move forward, and an unchanged input is returned as the same object.
import type { InfiniteData } from "@tanstack/react-query";
import { canMoveStatus, canRetry } from "@/shared/message-status";
import type {
  OutboundStatus,
  TConversationListItem,
  TConversationSummary,
  TMessage,
} from "@/shared/dto";
import type { TActivity } from "@/shared/activity";
import { laterTime } from "./customer-window";

export interface MessagePage {
  messages: TMessage[];
  olderCursor: string | null;
  /** Assignment and status changes shown among the messages (src/shared/activity.ts). */
  activity: TActivity[];
}
/** A conversation's cached history; pages[0] is the newest page. */
export type MessagePages<TParam = unknown> = InfiniteData<MessagePage, TParam>;

/** Plain code-unit order, as the server sorts (localeCompare would not match it). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The server's list order: newest last message first, then id. */
const byNewest = (a: TConversationListItem, b: TConversationListItem) =>
  compare(b.lastMessageKey, a.lastMessageKey) || compare(b.id, a.id);

/**
 * Two copies of one conversation's summary, merged field by field so that neither order of
 * arrival loses anything: the latest message from the copy with the newer `lastMessageKey`, status,
 * assignee and labels from the one with the higher `revision`, and the later `lastInboundAt` (a late,
 * out-of-order customer message is not the newest message, yet it can still be the customer's
 * latest word, which moves the 24-hour window). An unchanged `current` is returned as itself.
 */
export function mergeSummary<S extends TConversationSummary>(current: S, incoming: TConversationSummary): S {
  const newerMessage = incoming.lastMessageKey > current.lastMessageKey;
  const newerRevision = incoming.revision > current.revision;
  const lastInboundAt = laterTime(current.lastInboundAt, incoming.lastInboundAt);
  if (!newerMessage && !newerRevision && lastInboundAt === current.lastInboundAt) return current;
  return {
    ...current,
    ...(newerMessage && {
      lastMessageAt: incoming.lastMessageAt,
      lastPreview: incoming.lastPreview,
      lastPreviewType: incoming.lastPreviewType,
      lastMessageKey: incoming.lastMessageKey,
    }),
    ...(newerRevision && { status: incoming.status, assigneeId: incoming.assigneeId, labelIds: incoming.labelIds, revision: incoming.revision }),
    lastInboundAt,
  };
}

/** The conversation header's summary (one conversation's cache). */
export const applySummary = mergeSummary<TConversationSummary>;

/**
 * A fetched summary, kept as fresh as the cached one: a fetch that read the database before this
 * tab's own change (or an event) was committed can land after it, and must not move the labels,
 * status or newest message back. Everything else comes from the fetch.
 */
export const fetchedSummary = (cached: TConversationSummary | undefined, fetched: TConversationSummary) =>
  cached ? mergeSummary(fetched, cached) : fetched;

/**
 * Puts a conversation's newest summary into one cached list: updated in place, added if it now
 * belongs (`fallbackUnread` is its unread count then), or dropped if it no longer does.
 */
export function placeInList(
  list: TConversationListItem[],
  belongs: (item: TConversationSummary) => boolean,
  conversation: TConversationSummary,
  fallbackUnread: number,
): TConversationListItem[] {
  const existing = list.find((item) => item.id === conversation.id);
  const merged = existing ? mergeSummary(existing, conversation) : { ...conversation, unreadCount: fallbackUnread };
  if (!belongs(merged)) return existing ? list.filter((item) => item.id !== conversation.id) : list;
  if (merged === existing) return list;
  return (existing ? list.map((item) => (item.id === merged.id ? merged : item)) : [...list, merged]).sort(byNewest);
}

/**
 * A new message in a conversation, for one cached list. `countAsUnread` says whether the caller
 * wants it counted (an inbound message the reader is not looking at); it is only counted when the
 * cached list does not already include it, i.e. when it is newer than the conversation's last
 * message as listed. A conversation that no longer `belongs` (reopened, say) leaves the list.
 */
export function applyMessageToList(
  list: TConversationListItem[],
  conversation: TConversationSummary,
  message: TMessage,
  countAsUnread: boolean,
  belongs: (item: TConversationSummary) => boolean = () => true,
): TConversationListItem[] {
  const existing = list.find((item) => item.id === conversation.id);
  if (!existing) return placeInList(list, belongs, conversation, countAsUnread ? 1 : 0);
  const isNewMessage = message.sortKey > existing.lastMessageKey;
  const merged = mergeSummary(existing, conversation);
  const unreadCount = existing.unreadCount + (isNewMessage && countAsUnread ? 1 : 0);
  const updated = unreadCount === merged.unreadCount ? merged : { ...merged, unreadCount };
  if (!belongs(updated)) return list.filter((item) => item.id !== conversation.id);
  if (updated === existing) return list;
  return list.map((item) => (item.id === conversation.id ? updated : item)).sort(byNewest);
}

/**
 * The summary after this user's own reply was stored (message.send answered), before or after the
 * message.created event says the same: the preview and order change exactly as the server changed
 * them, so the event that follows finds nothing newer and changes nothing.
 */
export function applyOwnReplyToSummary<S extends TConversationSummary>(current: S, message: TMessage): S {
  // A private note is not what the customer sees: the server leaves the preview alone, and so do we.
  if (message.direction !== "outbound" || message.sortKey <= current.lastMessageKey) return current;
  return { ...current, lastMessageAt: message.timestamp, lastPreview: message.body, lastPreviewType: message.type, lastMessageKey: message.sortKey };
}

export function applyOwnReplyToList(list: TConversationListItem[], message: TMessage): TConversationListItem[] {
  const existing = list.find((item) => item.id === message.conversationId);
  if (!existing) return list; // The message.created event brings the whole summary.
  const updated = applyOwnReplyToSummary(existing, message);
  if (updated === existing) return list;
  return list.map((item) => (item.id === updated.id ? updated : item)).sort(byNewest);
}

/** This user read the conversation up to `lastReadKey`. */
export function applyReadToList(
  list: TConversationListItem[],
  conversationId: string,
  lastReadKey: string,
): TConversationListItem[] {
  const existing = list.find((item) => item.id === conversationId);
  if (!existing || existing.unreadCount === 0 || lastReadKey < existing.lastMessageKey) return list;
  return list.map((item) => (item.id === conversationId ? { ...item, unreadCount: 0 } : item));
}

/** Sets a conversation's unread count to 0 (the reader is looking at it). */
export function clearUnread(list: TConversationListItem[], conversationId: string): TConversationListItem[] {
  const existing = list.find((item) => item.id === conversationId);
  if (!existing || existing.unreadCount === 0) return list;
  return list.map((item) => (item.id === conversationId ? { ...item, unreadCount: 0 } : item));
}

export function hasMessage(data: MessagePages, messageId: string): boolean {
  return data.pages.some((page) => page.messages.some((message) => message.id === messageId));
}

/**
 * Inserts a message into the loaded page its sort key falls in (pages[0] is the newest page; each
 * page is oldest first). A message older than everything loaded is left for the older page that
 * will contain it, unless the history is fully loaded.
 */
export function insertMessage<P>(data: MessagePages<P>, message: TMessage): MessagePages<P> {
  // An agent's reaction travels as a hidden message: it shows on the message it reacts to.
  if (hasMessage(data, message.id) || (message.type === "reaction" && message.direction === "outbound")) return data;
  let target = data.pages.findIndex((page) => {
    const oldest = page.messages[0];
    return !oldest || message.sortKey >= oldest.sortKey;
  });
  if (target === -1) {
    const last = data.pages.at(-1);
    if (!last || last.olderCursor !== null) return data;
    target = data.pages.length - 1;
  }
  const pages = data.pages.map((page, index) => {
    if (index !== target) return page;
    const messages = [...page.messages, message].sort((a, b) => compare(a.sortKey, b.sortKey));
    return { ...page, messages };
  });
  return { ...data, pages };
}

export function applyStatus<P>(
  data: MessagePages<P>,
  messageId: string,
  status: OutboundStatus,
  reason: string | null,
): MessagePages<P> {
  let changed = false;
  const pages = data.pages.map((page) => {
    const index = page.messages.findIndex((message) => message.id === messageId);
    const current = page.messages[index];
    if (!current || !canMoveStatus(current.status, status)) return page;
    changed = true;
    const messages = [...page.messages];
    messages[index] = { ...current, status, statusReason: status === "failed" ? reason : current.statusReason };
    return { ...page, messages };
  });
  return changed ? { ...data, pages } : data;
}

/** A message replaced whole (message.updated): Retry, or a late confirmation of an interrupted send. */
export function replaceMessage<P>(data: MessagePages<P>, message: TMessage): MessagePages<P> {
  if (!hasMessage(data, message.id)) return insertMessage(data, message);
  const pages = data.pages.map((page) => ({
    ...page,
    // The server leaves out what it did not look up again (a quote); the cached copy keeps it.
    messages: page.messages.map((current) =>
      current.id === message.id ? { ...message, replyTo: message.replyTo === undefined ? current.replyTo : message.replyTo, reactions: message.reactions ?? current.reactions } : current,
    ),
  }));
  return { ...data, pages };
}

/**
 * The server's copy of a reply this tab sent (message.send's answer). It may come before or after
 * the message.created event for the same id: inserted once by id, and an existing copy's status
 * only moves forward (the stream may already have moved it on to "sent").
 */
export function mergeServerCopy<P>(data: MessagePages<P>, message: TMessage): MessagePages<P> {
  if (!hasMessage(data, message.id)) return insertMessage(data, message);
  if (message.status === "received" || message.status === "failed") return data;
  return applyStatus(data, message.id, message.status, null);
}

/**
 * message.retry's answer: the reply queued again. Applied only while the cached copy is still
 * failed; if the stream got there first (queued, or already sent), its copy is newer.
 */
export function applyRetried<P>(data: MessagePages<P>, message: TMessage): MessagePages<P> {
  const current = data.pages.flatMap((page) => page.messages).find((cached) => cached.id === message.id);
  if (!current || !canRetry(current.status)) return data;
  return replaceMessage(data, message);
}
