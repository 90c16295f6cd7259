// The outbox's state in the database. Every step is its own committed transaction, so a restart
// at any point finds a state it can continue from:
//   queued ──claim──▶ sending ──accepted──▶ (job deleted, message "sent")
//                        │ ├──retry────▶ queued (later)   ├──rejected/gave up──▶ failed
//                        │ └──unknown──▶ in_doubt
//                        └──worker died mid-call──▶ in_doubt (once its lease has run out)
// A job marked "sending" before the call is what keeps a reply from being sent twice: after a
// crash we cannot tell whether WhatsApp got it, so it is not sent again on our own. The claim is a
// conditional UPDATE, so of several workers exactly one gets a job (the others find it no longer
// queued), and it carries a lease: only once that has run out may another worker decide the job
// was abandoned — never merely because it started.
import { db, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { prismaSql } from "../db/prisma-sql";
import { writeWithEvents } from "../events/log";
import type { RecordEvent } from "../events/record";
import { applyPendingStatuses, moveMessageStatus } from "../messages/status";
import type { StatusTarget } from "../whatsapp/ingest-store";
import type { OutboundMessage } from "./request-body";
import { requeueIfStillUploading } from "./upload-recovery";
import { encodeText, said } from "@/shared/server-text";

export type JobState = "queued" | "sending" | "failed" | "in_doubt";

/** What a person reads under a reply in doubt: why (`cause`: WhatsApp's words or an encoded text), and what to do about it. */
export function inDoubtReason(cause: string): string {
  return encodeText(said("sendInDoubt", { cause }));
}

export interface DueJob {
  messageId: string;
  conversationId: string;
  nextAttemptAt: Date;
}

/**
 * The jobs that may be sent now: in each conversation only the oldest unfinished reply, so that
 * replies reach the customer in the order they were written (a later one waits while an earlier
 * one is retried). Also says when the next of those heads falls due.
 */
export async function findDueJobs(
  limit: number,
  busyConversations: ReadonlySet<string>,
  now = new Date(),
): Promise<{ due: DueJob[]; nextDueAt: Date | null }> {
  const heads = await db().read.$queryRaw<{ messageId: string; conversationId: string; state: string; nextAttemptAt: Date | string }[]>`
    SELECT j."messageId", j."conversationId", j."state", j."nextAttemptAt"
      FROM "OutboxJob" j
      JOIN (SELECT "conversationId", MIN("sortKey") AS "headKey" FROM "OutboxJob"
             WHERE "state" IN ('queued', 'sending') GROUP BY "conversationId") h
        ON h."conversationId" = j."conversationId" AND h."headKey" = j."sortKey"
     ORDER BY j."nextAttemptAt"
     LIMIT 1000`;
  const due: DueJob[] = [];
  let nextDueAt: Date | null = null;
  for (const head of heads) {
    if (head.state !== "queued" || busyConversations.has(head.conversationId)) continue;
    const job = { messageId: head.messageId, conversationId: head.conversationId, nextAttemptAt: new Date(head.nextAttemptAt) };
    if (job.nextAttemptAt <= now) {
      if (due.length < limit) due.push(job);
    } else if (!nextDueAt || job.nextAttemptAt < nextDueAt) {
      nextDueAt = job.nextAttemptAt;
    }
  }
  return { due, nextDueAt };
}

export interface ClaimedSend {
  attempts: number;
  message: OutboundMessage;
  to: string;
  inbox: { phoneNumberId: string; accessToken: string | null };
}

/**
 * Records the attempt before the call, and reads what the call needs. Null when another worker
 * claimed the job first. (Raw SQL, like the webhook's hot path: every reply runs these.)
 */
export async function claimJob(messageId: string, leaseMs: number): Promise<ClaimedSend | null> {
  const leaseUntil = new Date(Date.now() + leaseMs);
  return db().transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ attempts: number | bigint }[]>`
      UPDATE "OutboxJob" SET "state" = 'sending', "attempts" = "attempts" + 1, "leaseUntil" = ${leaseUntil}
       WHERE "messageId" = ${messageId} AND "state" = 'queued'
      RETURNING "attempts"`;
    if (claimed.length === 0) return null;
    const rows = await tx.$queryRaw<{ type: string; body: string; details: string | null; replyToWamid: string | null; waId: string; phoneNumberId: string; accessToken: string | null }[]>`
      SELECT m."type", m."body", m."details", m."replyToWamid", ct."waId", i."phoneNumberId", i."accessToken"
        FROM "Message" m
        JOIN "Conversation" c ON c."id" = m."conversationId"
        JOIN "Contact" ct ON ct."id" = c."contactId"
        JOIN "Inbox" i ON i."id" = c."inboxId"
       WHERE m."id" = ${messageId}`;
    const row = rows[0];
    if (!row) return null;
    return {
      attempts: Number(claimed[0]!.attempts),
      message: { id: messageId, type: row.type, body: row.body, details: row.details, replyToWamid: row.replyToWamid },
      to: row.waId,
      inbox: { phoneNumberId: row.phoneNumberId, accessToken: row.accessToken },
    };
  });
}

async function statusTarget(tx: Tx, messageId: string): Promise<StatusTarget | null> {
  const rows = await tx.$queryRaw<StatusTarget[]>`
    SELECT m."id", m."conversationId", c."inboxId", m."direction", m."status"
      FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
     WHERE m."id" = ${messageId}`;
  return rows[0] ?? null;
}

/** WhatsApp accepted the message: record its wamid, mark it sent, apply statuses that came first. */
export async function markAccepted(messageId: string, wamid: string): Promise<void> {
  await writeWithEvents(async (tx, record) => {
    await tx.$executeRaw`DELETE FROM "OutboxJob" WHERE "messageId" = ${messageId}`;
    const message = await statusTarget(tx, messageId);
    if (!message) return;
    await tx.$executeRaw`UPDATE "Message" SET "wamid" = ${wamid} WHERE "id" = ${messageId}`;
    const sql = prismaSql(tx);
    const { message: sent } = await moveMessageStatus(sql, record, message, "sent", null, new Date());
    await applyPendingStatuses(sql, record, sent, wamid);
  });
}

/** A transient failure: back to the queue, due again at `nextAttemptAt`. */
export async function scheduleRetry(messageId: string, reason: string, nextAttemptAt: Date): Promise<void> {
  await db().transaction((tx) =>
    tx.outboxJob.updateMany({
      where: { messageId, state: "sending" },
      data: { state: "queued", nextAttemptAt, lastError: reason, leaseUntil: null },
    }),
  );
}

/** Given up (`failed`) or in doubt (see inDoubtReason): the message shows as failed with `reason`, and waits for a person. */
export async function markFailed(messageId: string, state: "failed" | "in_doubt", reason: string): Promise<void> {
  await writeWithEvents(async (tx, record) => {
    await setFailed(tx, record, messageId, state, reason);
  });
}

async function setFailed(tx: Tx, record: RecordEvent, messageId: string, state: "failed" | "in_doubt", reason: string) {
  const confirmed = await tx.message.findUnique({ where: { id: messageId }, select: { wamid: true } });
  if (confirmed?.wamid) {
    // A status webhook already named this message (by our callback data): WhatsApp has it, so
    // whatever our own call saw, it is not failed.
    await tx.outboxJob.deleteMany({ where: { messageId } });
    return;
  }
  await tx.outboxJob.updateMany({ where: { messageId }, data: { state, lastError: reason, leaseUntil: null } });
  const message = await statusTarget(tx, messageId);
  if (message) await moveMessageStatus(prismaSql(tx), record, message, "failed", reason, new Date());
}

/**
 * Attempts left without an answer by a worker that stopped are in doubt (see above): those whose
 * lease has run out, or — `everySending`, for the one process on SQLite at its start — all.
 * On PostgreSQL the rows are locked and skipped when another worker is already at them.
 */
export async function markAbandonedInDoubt(everySending: boolean, now = new Date()): Promise<number> {
  return writeWithEvents(async (tx, record) => {
    const lockRows = db().provider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
    const expired = everySending ? Prisma.sql`1 = 1` : Prisma.sql`("leaseUntil" IS NULL OR "leaseUntil" < ${now})`;
    const abandoned = await tx.$queryRaw<{ messageId: string }[]>`
      SELECT "messageId" FROM "OutboxJob" WHERE "state" = 'sending' AND ${expired} LIMIT 100 ${lockRows}`;
    for (const job of abandoned) {
      if (await requeueIfStillUploading(tx, job.messageId)) continue;
      await setFailed(tx, record, job.messageId, "in_doubt", inDoubtReason(encodeText(said("sendInterrupted"))));
    }
    return abandoned.length;
  });
}

/** Jobs by state, for /api/metrics: a growing "queued" or any "in_doubt" wants a look. */
export async function countJobsByState(): Promise<Record<JobState, number>> {
  const groups = await db().read.outboxJob.groupBy({ by: ["state"], _count: { _all: true } });
  const counts: Record<JobState, number> = { queued: 0, sending: 0, failed: 0, in_doubt: 0 };
  for (const group of groups) {
    if (group.state in counts) counts[group.state as JobState] = group._count._all;
  }
  return counts;
}
