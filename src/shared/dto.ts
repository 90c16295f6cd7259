// What clients receive: shared by the tRPC procedures, the event log and the dashboard.
// Times are ISO 8601 strings in UTC.
import { z } from "zod";
import { encodeText, said } from "./server-text";
import { ZQuote, ZReactions } from "./reactions";

export const OUTBOUND_STATUSES = ["queued", "sent", "delivered", "read", "failed"] as const;
export const MESSAGE_STATUSES = ["received", ...OUTBOUND_STATUSES] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_DIRECTIONS = ["inbound", "outbound", "note"] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const ROLES = ["admin", "agent"] as const;
export type Role = (typeof ROLES)[number];

export const CONVERSATION_STATUSES = ["open", "pending", "resolved"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

const isoTime = z.iso.datetime();

export const ZMessage = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** "note": an agent's private note, shown to the team only and never sent to WhatsApp. */
  direction: z.enum(MESSAGE_DIRECTIONS),
  type: z.string(),
  body: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  statusReason: z.string().nullable(),
  timestamp: isoTime,
  sortKey: z.string(),
  /** Media, location, contacts…: the fields the dashboard shows; null for plain text. */
  details: z.record(z.string(), z.string()).nullable(),
  /** Who wrote an outbound reply; null for the customer's messages. */
  authorName: z.string().nullable(),
  /** The message this one quotes; absent or null when it is not a reply. Reactions likewise. */
  replyTo: ZQuote.nullish(),
  reactions: ZReactions.nullish(),
});
export type TMessage = z.infer<typeof ZMessage>;

export const ZContact = z.object({ id: z.string(), name: z.string(), waId: z.string() });

export const ZConversationSummary = z.object({
  id: z.string(),
  inboxId: z.string(),
  contact: ZContact,
  status: z.enum(CONVERSATION_STATUSES),
  assigneeId: z.string().nullable(),
  /** Grows with every change of status or assignee: of two summaries, the larger one is newer. */
  revision: z.number().int().nonnegative().default(0), // events stored before revisions existed have none
  lastMessageAt: isoTime,
  /** The newest message's own words (text, caption, place…) and its type: the list words "📷 Photo: …". */
  lastPreview: z.string(),
  lastPreviewType: z.string(),
  lastInboundAt: isoTime.nullable(),
  /** The sort key of the conversation's newest message, to compare with a read position. */
  lastMessageKey: z.string(),
  /** Its labels' ids (src/shared/labels.ts); none on events stored before labels existed. */
  labelIds: z.array(z.string()).default([]),
});
export type TConversationSummary = z.infer<typeof ZConversationSummary>;

/** A conversation as one user sees it in the list. */
export type TConversationListItem = TConversationSummary & { unreadCount: number };

/** The longest text WhatsApp accepts in one message. */
export const MAX_TEXT_LENGTH = 4096;

/** What the composer sends; `id` is made by the client so that a repeated send stores one message. */
export const ZSendMessage = z.object({
  conversationId: z.string().min(1).max(100),
  id: z.uuid(),
  body: z
    .string()
    .trim()
    .min(1, encodeText(said("writeMessageFirst")))
    .max(MAX_TEXT_LENGTH, encodeText(said("messageTooLong", { max: MAX_TEXT_LENGTH }))),
  /** The message this one replies to (ours or the customer's), quoted to the customer by its wamid. */
  replyToId: z.string().min(1).max(100).optional(),
});
export type TSendMessage = z.infer<typeof ZSendMessage>;

/** How long after the customer's last message a free-form reply is allowed (WhatsApp's rule). */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
