// Whether a live event deserves a browser notification, and what it says. Pure, so the rules are
// tested without a browser: only a customer's new message, in a conversation that is this agent's
// or nobody's, while the tab is hidden, and never twice or for something the tab already had. A
// reconnect replays events; those from before the tab started (event id at or below the cursor
// the tab started from) or already in the cache were seen or are old news.
import type { TAppEvent } from "@/shared/events";

export interface NotificationContext {
  userId: string;
  pageHidden: boolean;
  /** The event id the tab's live stream started from. */
  startCursor: number;
  /** The message was already notified by this tab. */
  alreadyNotified: boolean;
  /** The message was already in the cached history before this event (the agent has it). */
  inCache: boolean;
  /** What the notification says of a message with nothing to show ("New message", in the person's language). */
  untitledBody?: string;
  /** A message in one line, in the person's language ("📷 Photo"; _lib/preview-text.ts). */
  describe?: (type: string, body: string) => string;
}

export interface MessageNotification {
  conversationId: string;
  messageId: string;
  title: string;
  body: string;
  /** One notification per conversation: a newer one replaces the last. */
  tag: string;
}

const MAX_BODY = 140;

export function newMessageNotification(eventId: string, event: TAppEvent, context: NotificationContext): MessageNotification | null {
  if (event.type !== "message.created") return null;
  const { conversation, message } = event;
  if (message.direction !== "inbound") return null;
  if (conversation.assigneeId !== null && conversation.assigneeId !== context.userId) return null;
  if (!context.pageHidden || context.alreadyNotified || context.inCache) return null;
  if (!/^\d+$/.test(eventId) || Number(eventId) <= context.startCursor) return null;
  return {
    conversationId: conversation.id,
    messageId: message.id,
    title: conversation.contact.name,
    body: shortened((context.describe?.(message.type, message.body) ?? message.body).trim().replace(/\s+/g, " ") || (context.untitledBody ?? "New message")),
    tag: conversation.id,
  };
}

function shortened(text: string): string {
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY - 1)}…` : text;
}
