// Moving an outbound message's status, with its event: the one place the webhook (status
// deliveries) and the outbox worker (WhatsApp accepted a send) change a status. Whether a move is
// allowed is the shared rule in src/shared/message-status.ts.
import { toDate, type Sql } from "../db/sql";
import type { RecordEvent } from "../events/record";
import type { OutboundStatus } from "@/shared/dto";
import { canMoveStatus, isOutboundStatus } from "@/shared/message-status";
import { setMessageStatus, type StatusTarget } from "../whatsapp/ingest-store";
import { markReactionFailed } from "../reactions/store";

/** Applies `next` if the rule allows it; returns the message as it now is and whether it moved. */
export async function moveMessageStatus(
  sql: Sql,
  record: RecordEvent,
  message: StatusTarget,
  next: OutboundStatus,
  reason: string | null,
  at: Date,
): Promise<{ message: StatusTarget; moved: boolean }> {
  if (message.direction !== "outbound" || !canMoveStatus(message.status as OutboundStatus, next)) {
    return { message, moved: false };
  }
  const storedReason = next === "failed" ? reason : null;
  await setMessageStatus(sql, message.id, next, storedReason, at);
  await record(
    { inboxId: message.inboxId, conversationId: message.conversationId },
    { type: "message.status", conversationId: message.conversationId, messageId: message.id, status: next, reason: storedReason },
  );
  // A failed reaction shows its reason on the message it reacts to (its own message is hidden).
  if (next === "failed") await markReactionFailed(sql, record, message.id, storedReason ?? "Failed to send");
  return { message: { ...message, status: next }, moved: true };
}

/**
 * Applies the statuses that arrived for `wamid` before we knew it (a status webhook can overtake
 * the send response), oldest first, and forgets them. Call when a message's wamid is recorded.
 * Only statuses reported by a delivery signed for the message's own inbox count.
 */
export async function applyPendingStatuses(sql: Sql, record: RecordEvent, message: StatusTarget, wamid: string): Promise<void> {
  // Raw SQL: every accepted reply asks, and almost always finds none.
  const pending = await sql.all<{ status: string; reason: string | null; timestamp: Date | string }>(
    `SELECT "status", "reason", "timestamp" FROM "PendingStatus" WHERE "wamid" = ? AND "inboxId" = ? ORDER BY "timestamp", "id"`,
    wamid,
    message.inboxId,
  );
  let current = message;
  for (const status of pending) {
    if (!isOutboundStatus(status.status)) continue;
    ({ message: current } = await moveMessageStatus(sql, record, current, status.status, status.reason, toDate(status.timestamp)));
  }
  if (pending.length > 0) await sql.run(`DELETE FROM "PendingStatus" WHERE "wamid" = ? AND "inboxId" = ?`, wamid, message.inboxId);
}
