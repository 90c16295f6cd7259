// Database rows to the shapes clients receive (src/shared/dto.ts). One home for the mapping, so
// the list, the history and the events all describe a thing the same way.
import { z } from "zod";
import type { Contact, Conversation, Message } from "../db/generated/client";
import type { TConversationSummary, TMessage } from "@/shared/dto";
import { ZConversationSummary, ZMessage } from "@/shared/dto";

const ZDetails = z.record(z.string(), z.string());

export type MessageRow = Pick<
  Message,
  "id" | "conversationId" | "direction" | "type" | "body" | "status" | "statusReason" | "timestamp" | "sortKey"
> & { details: string | null; author?: { name: string } | null };

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
  });
}

export type ConversationRow = Conversation & { contact: Contact };

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
    lastInboundAt: row.lastInboundAt?.toISOString() ?? null,
    lastMessageKey: row.lastMessageKey,
  });
}
