// How an outbound message's status may move: the one rule, used by the webhook when it stores a
// status and by the dashboard when it applies one live. Webhooks arrive late, twice and out of
// order, so a status only moves forward: queued < sent < delivered < read. "failed" is final,
// keeps the provider's reason, and cannot overtake a message the customer already received.
import { OUTBOUND_STATUSES, type MessageStatus, type OutboundStatus } from "./dto";

const rank: Record<OutboundStatus, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: -1 };

export function isOutboundStatus(value: string): value is OutboundStatus {
  return (OUTBOUND_STATUSES as readonly string[]).includes(value);
}

/** Whether a message now at `current` should take the reported status `next`. */
export function canMoveStatus(current: MessageStatus, next: OutboundStatus): boolean {
  if (current === "received" || current === "failed") return false;
  if (next === "failed") return current === "queued" || current === "sent";
  return rank[next] > rank[current];
}

/** A failed reply can be queued again by a person (Retry); nothing else moves back. */
export function canRetry(status: string): boolean {
  return status === "failed";
}
