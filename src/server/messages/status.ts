// How an outbound message's status may move. Webhooks arrive late, twice and out of order, so a
// status only ever moves forward: queued < sent < delivered < read. "failed" is final and keeps the
// provider's reason; it cannot overtake a message the customer already received or read.
import type { OutboundStatus } from "@/shared/dto";

const rank: Record<OutboundStatus, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: -1 };

export function isOutboundStatus(value: string): value is OutboundStatus {
  return value in rank;
}

/** Whether a message now at `current` should take the reported status `next`. */
export function shouldApplyStatus(current: OutboundStatus, next: OutboundStatus): boolean {
  if (current === "failed") return false;
  if (next === "failed") return current === "queued" || current === "sent";
  return rank[next] > rank[current];
}
