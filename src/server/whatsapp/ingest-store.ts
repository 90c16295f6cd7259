// The writes of the webhook's hot path, in SQL that SQLite and PostgreSQL both accept. Every
// inbound message runs these; through Prisma's query builder each statement costs about four
// times as much (it compiles every query anew), which capped webhook throughput.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import type { Contact, Conversation } from "../db/generated/client";

export async function isStored(tx: Tx, wamid: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Message" WHERE "wamid" = ${wamid} LIMIT 1`;
  return rows.length > 0;
}

/** The contact with this WhatsApp id, created if new; a given profile name replaces the old one. */
export async function upsertContact(tx: Tx, waId: string, profileName: string | undefined): Promise<Contact> {
  const rows = await tx.$queryRaw<Contact[]>`
    INSERT INTO "Contact" ("id", "waId", "name", "createdAt")
    VALUES (${randomUUID()}, ${waId}, ${profileName ?? `+${waId}`}, ${new Date()})
    ON CONFLICT ("waId") DO UPDATE SET "name" = CASE WHEN ${profileName !== undefined} THEN excluded."name" ELSE "Contact"."name" END
    RETURNING "id", "waId", "name", "createdAt"`;
  return rows[0]!;
}

export async function findConversation(tx: Tx, inboxId: string, contactId: string): Promise<Conversation | null> {
  const rows = await tx.$queryRaw<Conversation[]>`
    SELECT * FROM "Conversation" WHERE "inboxId" = ${inboxId} AND "contactId" = ${contactId} LIMIT 1`;
  return rows[0] ?? null;
}

type Latest = Pick<Conversation, "lastMessageAt" | "lastPreview" | "lastMessageKey">;

export async function createConversation(
  tx: Tx,
  fields: Pick<Conversation, "inboxId" | "contactId" | "lastInboundAt"> & Latest,
): Promise<Conversation> {
  const rows = await tx.$queryRaw<Conversation[]>`
    INSERT INTO "Conversation" ("id", "inboxId", "contactId", "status", "lastMessageAt", "lastPreview", "lastMessageKey", "lastInboundAt", "createdAt")
    VALUES (${randomUUID()}, ${fields.inboxId}, ${fields.contactId}, 'open', ${fields.lastMessageAt}, ${fields.lastPreview},
            ${fields.lastMessageKey}, ${fields.lastInboundAt}, ${new Date()})
    RETURNING *`;
  return rows[0]!;
}

/**
 * Records an inbound message's arrival; `latest` only when it is the newest message. A customer
 * writing again reopens a resolved conversation (a new revision: the status changed).
 */
export async function touchConversation(
  tx: Tx,
  conversation: Conversation,
  lastInboundAt: Date,
  latest: Latest | null,
): Promise<Conversation> {
  const reopened = conversation.status === "resolved";
  const next = {
    ...conversation,
    ...latest,
    lastInboundAt,
    ...(reopened ? { status: "open", revision: Number(conversation.revision) + 1 } : {}),
  };
  await tx.$executeRaw`
    UPDATE "Conversation"
       SET "lastMessageAt" = ${next.lastMessageAt}, "lastPreview" = ${next.lastPreview},
           "lastMessageKey" = ${next.lastMessageKey}, "lastInboundAt" = ${next.lastInboundAt},
           "status" = ${next.status}, "revision" = ${next.revision}
     WHERE "id" = ${conversation.id}`;
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
}

export async function insertInboundMessage(tx: Tx, message: NewInboundMessage): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Message" ("id", "conversationId", "direction", "wamid", "type", "body", "details", "raw", "status", "timestamp", "sortKey", "createdAt")
    VALUES (${message.id}, ${message.conversationId}, 'inbound', ${message.wamid}, ${message.type}, ${message.body},
            ${message.details}, ${message.raw}, 'received', ${message.timestamp}, ${message.sortKey}, ${new Date()})`;
}

export interface StatusTarget {
  id: string;
  conversationId: string;
  inboxId: string;
  direction: string;
  status: string;
}

export async function findMessageByWamid(tx: Tx, wamid: string): Promise<StatusTarget | null> {
  const rows = await tx.$queryRaw<StatusTarget[]>`
    SELECT m."id", m."conversationId", c."inboxId", m."direction", m."status"
      FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
     WHERE m."wamid" = ${wamid} LIMIT 1`;
  return rows[0] ?? null;
}

export async function setMessageStatus(tx: Tx, id: string, status: string, reason: string | null, at: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Message" SET "status" = ${status}, "statusReason" = ${reason}, "statusAt" = ${at} WHERE "id" = ${id}`;
}
