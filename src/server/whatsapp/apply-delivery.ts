// Applies one webhook delivery's changes through `sql`: every message and status, with their events.
// A message already stored (WhatsApp retries with the same wamid) changes nothing and records no
// event; statuses only move forward (src/shared/message-status.ts). The caller holds the
// transaction (./ingest.ts): on SQLite it runs on the store thread (./store-thread/).
import { randomUUID } from "node:crypto";
import type { Sql } from "../db/sql";
import type { RecordEvent } from "../events/record";
import { makeSortKey } from "../messages/sort-key";
import { countLateInbound } from "../messages/unread";
import { isOutboundStatus } from "@/shared/message-status";
import { moveMessageStatus } from "../messages/status";
import { linkByCallbackData } from "../outbox/link-by-callback";
import { toConversationSummary, toMessage } from "../services/dto";
import {
  createConversation,
  findConversation,
  findMessageByWamid,
  inboxIdFor,
  insertInboundMessage,
  isStored,
  keepPendingStatus,
  touchConversation,
  upsertContact,
} from "./ingest-store";
import { normalizeMessage, quotedWamidOf } from "./normalize";
import { findQuotedByWamid } from "../messages/quotes";
import { applyInboundReaction, parseInboundReaction } from "../reactions/inbound";
import type { TInboundMessage, TMessagesValue, TStatus } from "./payload";
import { countMessage, noteInbound } from "../reports/record";

export interface IngestResult {
  messagesStored: number;
  /** Customers' reactions, applied to the messages they react to (not stored as messages). */
  reactionsApplied: number;
  duplicates: number;
  statusesApplied: number;
  statusesIgnored: number;
  statusesPending: number;
  unknownPhoneNumberIds: string[];
  /** Numbers whose changes were skipped: the delivery was signed with another inbox's app secret. */
  wrongSecretPhoneNumberIds: string[];
}

/** The changes of one delivery, and the numbers its signature speaks for: plain data, so it can cross to the store thread. */
export interface DeliveryChanges {
  changes: TMessagesValue[];
  signedNumbers: string[];
}

export const emptyResult = (): IngestResult => ({
  messagesStored: 0,
  reactionsApplied: 0,
  duplicates: 0,
  statusesApplied: 0,
  statusesIgnored: 0,
  statusesPending: 0,
  unknownPhoneNumberIds: [],
  wrongSecretPhoneNumberIds: [],
});

export async function applyDelivery(sql: Sql, record: RecordEvent, { changes, signedNumbers }: DeliveryChanges): Promise<IngestResult> {
  const result = emptyResult();
  for (const change of changes) {
    if (!signedNumbers.includes(change.metadata.phone_number_id)) {
      result.wrongSecretPhoneNumberIds.push(change.metadata.phone_number_id);
      continue;
    }
    const inboxId = await inboxIdFor(sql, change.metadata.phone_number_id);
    if (!inboxId) {
      result.unknownPhoneNumberIds.push(change.metadata.phone_number_id);
      continue;
    }
    for (const message of change.messages ?? []) {
      const reaction = parseInboundReaction(message);
      if (reaction) {
        const applied = await applyInboundReaction(sql, record, inboxId, message, reaction, contactName(change, message.from));
        if (applied) result.reactionsApplied++;
        else result.duplicates++;
        continue;
      }
      const stored = await storeInboundMessage(sql, record, inboxId, change, message);
      if (!stored) {
        result.duplicates++;
        continue;
      }
      result.messagesStored++;
    }
    for (const status of change.statuses ?? []) {
      result[`statuses${await applyStatus(sql, record, inboxId, status)}`]++;
    }
  }
  return result;
}

const fromUnixSeconds = (seconds: string) => new Date(Number(seconds) * 1000);

function contactName(change: TMessagesValue, waId: string): string | undefined {
  return change.contacts?.find((contact) => contact.wa_id === waId)?.profile?.name;
}

async function storeInboundMessage(
  sql: Sql,
  record: RecordEvent,
  inboxId: string,
  change: TMessagesValue,
  message: TInboundMessage,
): Promise<{ id: string } | null> {
  if (await isStored(sql, message.id)) return null;

  const contact = await upsertContact(sql, inboxId, message.from, contactName(change, message.from));
  const normalized = normalizeMessage(message);
  const sentAt = fromUnixSeconds(message.timestamp);
  const id = randomUUID();
  const existing = await findConversation(sql, inboxId, contact.id);
  const sortKey = makeSortKey(sentAt, id, existing?.lastMessageKey);
  const latest = { lastMessageAt: sentAt, lastPreview: normalized.body, lastPreviewType: normalized.type, lastMessageKey: sortKey };

  const conversation = existing
    ? await touchConversation(
        sql,
        existing,
        existing.lastInboundAt && existing.lastInboundAt > sentAt ? existing.lastInboundAt : sentAt,
        // A late (out-of-order) message goes into the history but does not become the latest.
        sortKey > existing.lastMessageKey ? latest : null,
      )
    : await createConversation(sql, { inboxId, contactId: contact.id, lastInboundAt: sentAt, ...latest });

  const quotedWamid = quotedWamidOf(message);
  const quoted = quotedWamid ? await findQuotedByWamid(sql, conversation.id, quotedWamid) : null;
  const row = {
    id,
    conversationId: conversation.id,
    wamid: message.id,
    replyToWamid: quotedWamid,
    replyToId: quoted?.id ?? null,
    type: normalized.type,
    body: normalized.body,
    details: normalized.details ? JSON.stringify(normalized.details) : null,
    raw: JSON.stringify(message),
    timestamp: sentAt,
    sortKey,
  };
  await insertInboundMessage(sql, row);
  await noteInbound(sql, conversation, sentAt, existing === null || existing.status === "resolved");
  await countMessage(sql, inboxId, conversation.assigneeId, sentAt, "inbound");

  const summary = toConversationSummary({ ...conversation, contact });
  await record(
    { inboxId, conversationId: conversation.id },
    {
      type: "message.created",
      conversation: summary,
      message: toMessage({ ...row, direction: "inbound", status: "received", statusReason: null, quoted }),
    },
  );
  if (existing?.status === "resolved" && summary.status === "open") {
    // The customer's message reopened it: activity in the log, by nobody in particular.
    const change = { field: "status", from: "resolved", to: "open", at: new Date().toISOString() } as const;
    await record({ inboxId, conversationId: conversation.id }, { type: "conversation.updated", conversation: summary, change });
  }
  // After the first event, which holds the event log's lock on PostgreSQL: ordered with markRead's
  // count of what it read (../messages/unread.ts).
  if (existing) await countLateInbound(sql, conversation.id, sortKey);
  return { id };
}

type StatusOutcome = "Applied" | "Ignored" | "Pending";

async function applyStatus(sql: Sql, record: RecordEvent, inboxId: string, status: TStatus): Promise<StatusOutcome> {
  if (!isOutboundStatus(status.status) || status.status === "queued") return "Ignored";
  const reported = status.status;
  const reason = reported === "failed" ? failureReason(status) : null;
  const at = fromUnixSeconds(status.timestamp);

  const message =
    (await findMessageByWamid(sql, inboxId, status.id)) ??
    (status.biz_opaque_callback_data
      ? await linkByCallbackData(sql, record, inboxId, status.biz_opaque_callback_data, status.id)
      : null);
  if (!message) {
    // The status overtook the send response that tells us this wamid; keep it for then.
    await keepPendingStatus(sql, inboxId, status.id, reported, reason, at);
    return "Pending";
  }
  const { moved } = await moveMessageStatus(sql, record, message, reported, reason, at);
  return moved ? "Applied" : "Ignored";
}

function failureReason(status: TStatus): string {
  const error = status.errors?.[0];
  if (!error) return "Failed to send";
  const text = error.error_data?.details ?? error.message ?? error.title ?? "Failed to send";
  return error.code === undefined ? text : `${text} (${error.code})`;
}
