// WhatsApp's customer-service window: a free-form reply is only accepted within 24 hours of the
// customer's last message; after that only template messages go through. The composer then offers
// templates instead of free text. The server does not refuse free text by this clock: a reply
// written while the window was open may reach the server after it closed (offline, retried), and
// WhatsApp knows exceptions we cannot see (a 72-hour window after an ad click); its answer is the
// final word and shows up as a failed reply with the reason.
import type { Translator } from "@/i18n/translator";
import { CUSTOMER_SERVICE_WINDOW_MS } from "@/shared/dto";

export type CustomerWindow =
  | { state: "never" }
  | { state: "open"; lastInboundAt: string; agoMs: number; closesInMs: number }
  | { state: "closed"; lastInboundAt: string; agoMs: number };

export function customerWindow(lastInboundAt: string | null, now: number): CustomerWindow {
  if (!lastInboundAt) return { state: "never" };
  // A customer's clock (WhatsApp's timestamp) can be a little ahead of ours: never "in -1 min".
  const agoMs = Math.max(0, now - Date.parse(lastInboundAt));
  const closesInMs = CUSTOMER_SERVICE_WINDOW_MS - agoMs;
  return closesInMs > 0 ? { state: "open", lastInboundAt, agoMs, closesInMs } : { state: "closed", lastInboundAt, agoMs };
}

/** Whether a free-form reply would be refused by WhatsApp. */
export function isOutsideWindow(window: CustomerWindow): boolean {
  return window.state !== "open";
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short, stable duration: "3 min", "5 h", "2 days" (rounded down, so "23 h" never reads "1 day"). */
export function formatDuration(ms: number, t: Translator<"Window">): string {
  if (ms < HOUR) return t("minutes", { count: Math.max(1, Math.floor(ms / MINUTE)) });
  if (ms < DAY) return t("hours", { count: Math.floor(ms / HOUR) });
  return t("days", { count: Math.floor(ms / DAY) });
}

/** "just now", "12 min ago", "3 h ago", "2 days ago". */
export function formatAgo(ms: number, t: Translator<"Window">): string {
  return ms < MINUTE ? t("justNow") : t("ago", { duration: formatDuration(ms, t) });
}

/**
 * How long until what the notice says changes. Every label ("12 min", "3 h", "2 days", open or
 * closed, closing soon) changes on a whole minute after the customer's message, so: to the next one.
 */
export function msUntilNextChange(lastInboundAt: string | null, now: number): number {
  if (!lastInboundAt) return Number.POSITIVE_INFINITY;
  const agoMs = Math.max(0, now - Date.parse(lastInboundAt));
  return MINUTE - (agoMs % MINUTE) + 5; // just past the minute, never just before it
}

/** Below this, the notice also says when the window closes, so a reply is not started too late. */
export const CLOSING_SOON_MS = 2 * HOUR;

/** The later of two ISO times (either may be missing). */
export function laterTime(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
