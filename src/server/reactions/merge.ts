// The one rule for changing a message's reactions, for both sides: a side holds its newest
// reaction only. A duplicated delivery (same wamid) or an older one arriving late changes
// nothing; a removal is kept as "" so the reaction it removed cannot come back out of order.
import type { ReactionSide, TReaction, TReactions } from "@/shared/reactions";

/** The reactions with `incoming` applied, or null when it changes nothing. */
export function withReaction(current: TReactions | null, side: ReactionSide, incoming: TReaction): TReactions | null {
  const existing = current?.[side];
  if (existing) {
    if (incoming.wamid !== null && incoming.wamid === existing.wamid) return null;
    // ISO times in UTC compare as strings. The same second (WhatsApp's clock has no finer
    // grain) counts as newer: of two in one second, the one delivered last wins.
    if (incoming.at < existing.at) return null;
    if (incoming.emoji === existing.emoji && incoming.sendId === existing.sendId) return null;
  }
  return { ...current, rev: (current?.rev ?? 0) + 1, [side]: incoming };
}

/** Our reaction's send failed: shown on it, with the reason, unless a newer one replaced it. */
export function withFailedSend(current: TReactions | null, sendId: string, reason: string): TReactions | null {
  const business = current?.business;
  if (!current || !business || business.sendId !== sendId || business.failed === reason) return null;
  return { ...current, rev: current.rev + 1, business: { ...business, failed: reason } };
}
