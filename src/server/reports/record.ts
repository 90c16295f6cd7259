// What reports need, kept on the write path in the transaction of the change itself (see
// ConversationSpan and MessageHour in prisma/schema.prisma): a report then reads a few indexed
// rows, never the whole history. Each function is a statement or two over either connection.
import { randomUUID } from "node:crypto";
import type { TConversationChange } from "@/shared/activity";
import { toDateOrNull, type Sql } from "../db/sql";

interface OpenSpan {
  id: string;
  openedAt: Date;
  firstInboundAt: Date | null;
  firstReplyAt: Date | null;
}

/** The conversation's span that is not resolved yet, if any. */
async function findOpenSpan(sql: Sql, conversationId: string): Promise<OpenSpan | null> {
  const rows = await sql.all<{ id: string; openedAt: Date | string; firstInboundAt: Date | string | null; firstReplyAt: Date | string | null }>(
    `SELECT "id", "openedAt", "firstInboundAt", "firstReplyAt" FROM "ConversationSpan" WHERE "conversationId" = ? AND "resolvedAt" IS NULL LIMIT 1`,
    conversationId,
  );
  const row = rows[0];
  return row ? { id: row.id, openedAt: toDateOrNull(row.openedAt)!, firstInboundAt: toDateOrNull(row.firstInboundAt), firstReplyAt: toDateOrNull(row.firstReplyAt) } : null;
}

const secondsBetween = (from: Date, to: Date): number => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

async function openSpan(sql: Sql, conversation: SpanOwner, openedAt: Date, firstInboundAt: Date | null): Promise<void> {
  await sql.run(
    `INSERT INTO "ConversationSpan" ("id", "conversationId", "inboxId", "assigneeId", "openedAt", "firstInboundAt") VALUES (?, ?, ?, ?, ?, ?)`,
    randomUUID(),
    conversation.id,
    conversation.inboxId,
    conversation.assigneeId,
    openedAt,
    firstInboundAt,
  );
}

export interface SpanOwner {
  id: string;
  inboxId: string;
  assigneeId: string | null;
}

/**
 * A customer's message (sent at `sentAt`, stored now), on the webhook's hot path: one statement.
 * It opens a span when it opened the conversation (new, or reopened from resolved); otherwise it
 * starts the wait for a first reply if nobody is waiting yet (every conversation that is not
 * resolved has its one open span: created here, by a reopening change, or by migration 0019).
 */
export async function noteInbound(sql: Sql, conversation: SpanOwner, sentAt: Date, opened: boolean): Promise<void> {
  if (opened) return openSpan(sql, conversation, new Date(), sentAt);
  await sql.run(
    `UPDATE "ConversationSpan" SET "firstInboundAt" = ? WHERE "conversationId" = ? AND "resolvedAt" IS NULL AND "firstInboundAt" IS NULL`,
    sentAt,
    conversation.id,
  );
}

/** An agent's reply, queued now: the first one after the customer's first message is the first response. */
export async function noteReply(sql: Sql, conversationId: string, at: Date): Promise<void> {
  const span = await findOpenSpan(sql, conversationId);
  if (!span || span.firstInboundAt === null || span.firstReplyAt !== null) return;
  await sql.run(
    `UPDATE "ConversationSpan" SET "firstReplyAt" = ?, "firstResponseSeconds" = ? WHERE "id" = ?`,
    at,
    secondsBetween(span.firstInboundAt, at),
    span.id,
  );
}

/**
 * A change of status or assignee (labels do not matter here). Resolving closes the open span,
 * with whoever holds the conversation then; leaving "resolved" opens a new one; the assignee of
 * an open span follows the conversation's.
 */
export async function noteConversationChange(sql: Sql, conversation: SpanOwner, change: TConversationChange): Promise<void> {
  const at = new Date(change.at);
  if (change.field === "assignee") {
    await sql.run(`UPDATE "ConversationSpan" SET "assigneeId" = ? WHERE "conversationId" = ? AND "resolvedAt" IS NULL`, change.to, conversation.id);
    return;
  }
  if (change.field !== "status") return;
  if (change.to === "resolved") {
    const span = await findOpenSpan(sql, conversation.id);
    if (!span) return;
    await sql.run(
      `UPDATE "ConversationSpan" SET "resolvedAt" = ?, "resolutionSeconds" = ?, "assigneeId" = ? WHERE "id" = ?`,
      at,
      secondsBetween(span.openedAt, at),
      conversation.assigneeId,
      span.id,
    );
  } else if (change.from === "resolved" && !(await findOpenSpan(sql, conversation.id))) {
    await openSpan(sql, conversation, at, null);
  }
}

/** Counts a message in its hour: inbound for the conversation's assignee, outbound for its author. */
export async function countMessage(sql: Sql, inboxId: string, userId: string | null, at: Date, direction: "inbound" | "outbound"): Promise<void> {
  const hour = new Date(at);
  hour.setUTCMinutes(0, 0, 0);
  const inbound = direction === "inbound" ? 1 : 0;
  await sql.run(
    `INSERT INTO "MessageHour" ("inboxId", "userId", "hour", "inbound", "outbound") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("inboxId", "userId", "hour") DO UPDATE SET "inbound" = "MessageHour"."inbound" + excluded."inbound", "outbound" = "MessageHour"."outbound" + excluded."outbound"`,
    inboxId,
    userId ?? "",
    hour,
    inbound,
    1 - inbound,
  );
}
