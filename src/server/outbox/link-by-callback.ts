// A status webhook that names one of our replies by the callback data sent with it (the outbox's
// jobs, ./jobs.ts, send each reply's id as that data). Plain SQL only: it runs inside the
// webhook's delivery, on the store thread.
import { toDate, type Sql } from "../db/sql";
import type { RecordEvent } from "../events/record";
import { toMessage } from "../services/dto";
import type { StatusTarget } from "../whatsapp/ingest-store";

/**
 * A status webhook named one of our messages by the callback data we sent with it, before we
 * knew its wamid: the send response has not been recorded yet, or never will be (the send was
 * interrupted). Records the wamid and returns the message for the status to be applied; an
 * interrupted send that WhatsApp now confirms stops being failed.
 */
export async function linkByCallbackData(
  sql: Sql,
  record: RecordEvent,
  inboxId: string,
  messageId: string,
  wamid: string,
): Promise<StatusTarget | null> {
  const rows = await sql.all<LinkCandidate>(
    `SELECT m."id", m."conversationId", m."direction", m."wamid", m."type", m."body", m."details", m."status", m."statusReason",
            m."timestamp", m."sortKey", c."inboxId", j."state" AS "jobState", u."name" AS "authorName"
       FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
       LEFT JOIN "OutboxJob" j ON j."messageId" = m."id" LEFT JOIN "User" u ON u."id" = m."authorId"
      WHERE m."id" = ?`,
    messageId,
  );
  const message = rows[0];
  if (!message || message.direction !== "outbound" || message.wamid !== null || message.inboxId !== inboxId) return null;
  const inDoubt = message.jobState === "in_doubt";
  if (!inDoubt) {
    await sql.run(`UPDATE "Message" SET "wamid" = ? WHERE "id" = ?`, wamid, messageId);
    return { id: message.id, conversationId: message.conversationId, inboxId, direction: message.direction, status: message.status };
  }
  await sql.run(`DELETE FROM "OutboxJob" WHERE "messageId" = ?`, messageId);
  // Back to "queued", so the confirmed status moves it forward by the usual rule.
  await sql.run(`UPDATE "Message" SET "wamid" = ?, "status" = 'queued', "statusReason" = NULL WHERE "id" = ?`, wamid, messageId);
  const updated = { ...message, status: "queued", statusReason: null, timestamp: toDate(message.timestamp), author: message.authorName ? { name: message.authorName } : null };
  await record(
    { inboxId, conversationId: message.conversationId },
    { type: "message.updated", conversationId: message.conversationId, message: toMessage(updated) },
  );
  return { id: message.id, conversationId: message.conversationId, inboxId, direction: message.direction, status: "queued" };
}

interface LinkCandidate {
  id: string;
  conversationId: string;
  direction: string;
  wamid: string | null;
  type: string;
  body: string;
  details: string | null;
  status: string;
  statusReason: string | null;
  timestamp: Date | string;
  sortKey: string;
  inboxId: string;
  jobState: string | null;
  authorName: string | null;
}
