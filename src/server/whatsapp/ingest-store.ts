// The writes of the webhook's hot path, in plain SQL over either connection (../db/sql.ts). Rows
// are read back into the app's shapes here, whichever connection read them.
import { randomUUID } from "node:crypto";
import type { Contact, Conversation } from "../db/generated/client";
import { toDate, toDateOrNull, type Sql } from "../db/sql";

type Stored<T> = { [K in keyof T]: T[K] extends Date ? Date | string : T[K] extends Date | null ? Date | string | null : T[K] };

/** The columns upsertContact reads back: the webhook needs no more of the contact. */
type ContactRow = Pick<Contact, "id" | "inboxId" | "waId" | "name" | "createdAt">;

const toContact = (row: Stored<ContactRow>): ContactRow => ({ ...row, createdAt: toDate(row.createdAt) });

const toConversation = (row: Stored<Conversation>): Conversation => ({
  ...row,
  revision: Number(row.revision),
  inboundCount: Number(row.inboundCount),
  lastMessageAt: toDate(row.lastMessageAt),
  lastInboundAt: toDateOrNull(row.lastInboundAt),
  awaitingAssignmentSince: toDateOrNull(row.awaitingAssignmentSince),
  createdAt: toDate(row.createdAt),
});

export async function inboxIdFor(sql: Sql, phoneNumberId: string): Promise<string | null> {
  const rows = await sql.all<{ id: string }>(`SELECT "id" FROM "Inbox" WHERE "phoneNumberId" = ?`, phoneNumberId);
  return rows[0]?.id ?? null;
}

/**
 * WhatsApp's message ids are unique across numbers, and the column is unique: a wamid already
 * stored, in whichever inbox, is a retry (or a forgery) and stores nothing; the stored one is untouched.
 */
export async function isStored(sql: Sql, wamid: string): Promise<boolean> {
  const rows = await sql.all(`SELECT 1 FROM "Message" WHERE "wamid" = ? LIMIT 1`, wamid);
  return rows.length > 0;
}

/**
 * The inbox's contact with this WhatsApp id, created if new; a given profile name replaces the old
 * one, unless someone on the team renamed the contact (nameEditedAt): their name stays. Another
 * inbox's contact with the same number is a different row, never touched.
 */
export async function upsertContact(sql: Sql, inboxId: string, waId: string, profileName: string | undefined): Promise<ContactRow> {
  const rows = await sql.all<Stored<ContactRow>>(
    `INSERT INTO "Contact" ("id", "inboxId", "waId", "name", "createdAt") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("inboxId", "waId") DO UPDATE SET "name" = CASE WHEN ? AND "Contact"."nameEditedAt" IS NULL THEN excluded."name" ELSE "Contact"."name" END
     RETURNING "id", "inboxId", "waId", "name", "createdAt"`,
    randomUUID(),
    inboxId,
    waId,
    profileName ?? `+${waId}`,
    new Date(),
    profileName !== undefined,
  );
  return toContact(rows[0]!);
}

export async function findConversation(sql: Sql, inboxId: string, contactId: string): Promise<Conversation | null> {
  const rows = await sql.all<Stored<Conversation>>(`SELECT * FROM "Conversation" WHERE "inboxId" = ? AND "contactId" = ? LIMIT 1`, inboxId, contactId);
  return rows[0] ? toConversation(rows[0]) : null;
}

type Latest = Pick<Conversation, "lastMessageAt" | "lastPreview" | "lastPreviewType" | "lastMessageKey">;

/** Whether the inbox hands new and reopened conversations out by itself (src/server/autoassign/). */
async function autoAssigns(sql: Sql, inboxId: string): Promise<boolean> {
  const rows = await sql.all<{ autoAssign: boolean | number }>(`SELECT "autoAssign" FROM "Inbox" WHERE "id" = ?`, inboxId);
  return Boolean(rows[0]?.autoAssign);
}

export async function createConversation(
  sql: Sql,
  fields: Pick<Conversation, "inboxId" | "contactId" | "lastInboundAt"> & Latest,
): Promise<Conversation> {
  const now = new Date();
  // A new conversation in an inbox that auto-assigns joins the queue; the assigner takes it after
  // this commits.
  const awaitingSince = (await autoAssigns(sql, fields.inboxId)) ? now : null;
  const rows = await sql.all<Stored<Conversation>>(
    `INSERT INTO "Conversation" ("id", "inboxId", "contactId", "status", "lastMessageAt", "lastPreview", "lastPreviewType", "lastMessageKey", "lastInboundAt", "awaitingAssignmentSince", "inboundCount", "createdAt")
     VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, 1, ?) RETURNING *`,
    randomUUID(),
    fields.inboxId,
    fields.contactId,
    fields.lastMessageAt,
    fields.lastPreview,
    fields.lastPreviewType,
    fields.lastMessageKey,
    fields.lastInboundAt,
    awaitingSince,
    now,
  );
  return toConversation(rows[0]!);
}

/**
 * Records an inbound message's arrival (counted: ../messages/unread.ts); `latest` only when it is
 * the newest message. A customer writing again reopens a resolved conversation (a new revision:
 * the status changed).
 */
export async function touchConversation(sql: Sql, conversation: Conversation, lastInboundAt: Date, latest: Latest | null): Promise<Conversation> {
  const reopened = conversation.status === "resolved";
  // A reopened conversation nobody holds waits for auto-assignment, if its inbox does that.
  const queued = reopened && conversation.assigneeId === null && (await autoAssigns(sql, conversation.inboxId));
  const next = {
    ...conversation,
    ...latest,
    lastInboundAt,
    inboundCount: conversation.inboundCount + 1,
    ...(reopened ? { status: "open", revision: conversation.revision + 1 } : {}),
    ...(queued ? { awaitingAssignmentSince: new Date() } : {}),
  };
  await sql.run(
    `UPDATE "Conversation" SET "lastMessageAt" = ?, "lastPreview" = ?, "lastPreviewType" = ?, "lastMessageKey" = ?, "lastInboundAt" = ?, "status" = ?, "revision" = ?, "awaitingAssignmentSince" = ?, "inboundCount" = "inboundCount" + 1 WHERE "id" = ?`,
    next.lastMessageAt,
    next.lastPreview,
    next.lastPreviewType,
    next.lastMessageKey,
    next.lastInboundAt,
    next.status,
    next.revision,
    next.awaitingAssignmentSince,
    conversation.id,
  );
  return next;
}

export interface NewInboundMessage {
  id: string;
  conversationId: string;
  wamid: string;
  type: string;
  body: string;
  details: string | null;
  raw: string;
  timestamp: Date;
  sortKey: string;
  /** A reply: the wamid it quotes (context.id), and our id for that message when we have it. */
  replyToWamid: string | null;
  replyToId: string | null;
}

export async function insertInboundMessage(sql: Sql, message: NewInboundMessage): Promise<void> {
  await sql.run(
    `INSERT INTO "Message" ("id", "conversationId", "direction", "wamid", "type", "body", "details", "raw", "status", "timestamp", "sortKey", "replyToWamid", "replyToId", "createdAt")
     VALUES (?, ?, 'inbound', ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?)`,
    message.id,
    message.conversationId,
    message.wamid,
    message.type,
    message.body,
    message.details,
    message.raw,
    message.timestamp,
    message.sortKey,
    message.replyToWamid,
    message.replyToId,
    new Date(),
  );
}

export interface StatusTarget {
  id: string;
  conversationId: string;
  inboxId: string;
  direction: string;
  status: string;
}

/** The inbox's message with this wamid: a status signed for one number never moves another's message. */
export async function findMessageByWamid(sql: Sql, inboxId: string, wamid: string): Promise<StatusTarget | null> {
  const rows = await sql.all<StatusTarget>(
    `SELECT m."id", m."conversationId", c."inboxId", m."direction", m."status"
       FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
      WHERE m."wamid" = ? AND c."inboxId" = ? LIMIT 1`,
    wamid,
    inboxId,
  );
  return rows[0] ?? null;
}

export async function setMessageStatus(sql: Sql, id: string, status: string, reason: string | null, at: Date): Promise<void> {
  await sql.run(`UPDATE "Message" SET "status" = ?, "statusReason" = ?, "statusAt" = ? WHERE "id" = ?`, status, reason, at, id);
}

/** A status for a wamid not known yet (it overtook the send's answer), kept for then. */
export async function keepPendingStatus(sql: Sql, inboxId: string, wamid: string, status: string, reason: string | null, at: Date): Promise<void> {
  await sql.run(
    `INSERT INTO "PendingStatus" ("inboxId", "wamid", "status", "reason", "timestamp", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
    inboxId,
    wamid,
    status,
    reason,
    at,
    new Date(),
  );
}
