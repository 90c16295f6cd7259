// Database rows to the shapes clients receive (src/shared/dto.ts). One home for the mapping, so
// the list, the history and the events all describe a thing the same way.
import { z } from "zod";
import { decodeLabelIds } from "@/shared/labels";
import type { Contact, Conversation, Message } from "../db/generated/client";
import type { TConversationSummary, TMessage } from "@/shared/dto";
import { ZConversationSummary, ZMessage } from "@/shared/dto";
import { ZQuote, ZReactions, type TQuote, type TReactions } from "@/shared/reactions";

const ZDetails = z.record(z.string(), z.string());

export type MessageRow = Pick<
  Message,
  "id" | "conversationId" | "direction" | "type" | "body" | "status" | "statusReason" | "timestamp" | "sortKey"
> & {
  details: string | null;
  author?: { name: string } | null;
  /** A reply: the wamid it quotes, and the quoted message when we have it (quotes.ts). */
  replyToWamid?: string | null;
  replyToId?: string | null;
  quoted?: QuotedRow | null;
  reactions?: string | null;
};

/** The quoted message's fields a quote shows. */
export type QuotedRow = Pick<Message, "id" | "direction" | "type" | "body">;

/** Undefined when the caller did not look the quoted message up (the client keeps the quote it has). */
function toQuote(row: MessageRow): TQuote | null | undefined {
  if (!row.replyToWamid && !row.replyToId && !row.quoted) return null;
  if (row.quoted === undefined) return undefined;
  if (row.quoted === null) return { id: null, direction: null, type: null, body: "" };
  return ZQuote.parse({ id: row.quoted.id, direction: row.quoted.direction, type: row.quoted.type, body: row.quoted.body });
}

function toReactions(json: string | null | undefined): TReactions | null {
  if (!json) return null;
  const parsed = ZReactions.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function toMessage(row: MessageRow): TMessage {
  const details = row.details === null ? null : ZDetails.parse(JSON.parse(row.details));
  return ZMessage.parse({
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    type: row.type,
    body: row.body,
    status: row.status,
    statusReason: row.statusReason,
    timestamp: row.timestamp.toISOString(),
    sortKey: row.sortKey,
    details,
    authorName: row.author?.name ?? null,
    replyTo: toQuote(row),
    reactions: toReactions(row.reactions),
  });
}

export type ConversationRow = Conversation & { contact: Pick<Contact, "id" | "name" | "waId"> };

export function toConversationSummary(row: ConversationRow): TConversationSummary {
  return ZConversationSummary.parse({
    id: row.id,
    inboxId: row.inboxId,
    contact: { id: row.contact.id, name: row.contact.name, waId: row.contact.waId },
    status: row.status,
    assigneeId: row.assigneeId,
    revision: row.revision,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastPreview: row.lastPreview,
    lastPreviewType: row.lastPreviewType,
    lastInboundAt: row.lastInboundAt?.toISOString() ?? null,
    lastMessageKey: row.lastMessageKey,
    labelIds: decodeLabelIds(row.labelIds),
  });
}
