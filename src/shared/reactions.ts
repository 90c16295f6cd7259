// Reactions and quoted replies, as stored on a message and as clients receive them. WhatsApp keeps
// one reaction per sender per message, so a message has at most two: the customer's and the
// business's (any agent's — they all speak as the one business number, so one replaces another).
import { z } from "zod";

export const REACTION_SIDES = ["customer", "business"] as const;
export type ReactionSide = (typeof REACTION_SIDES)[number];

/** The few emojis the picker offers (WhatsApp accepts any single emoji). */
export const QUICK_REACTIONS = [
  // Each is named in messages/*.json under MessageActions.reactions.<key>.
  { emoji: "👍", key: "thumbsUp" },
  { emoji: "❤️", key: "heart" },
  { emoji: "😂", key: "laughing" },
  { emoji: "😮", key: "surprised" },
  { emoji: "😢", key: "sad" },
  { emoji: "🙏", key: "thankYou" },
] as const;

export const ZReaction = z.object({
  /** "" once removed: kept, so that an older reaction delivered late does not come back. */
  emoji: z.string().max(32),
  /** When it was made (WhatsApp's clock for the customer's): an older one never replaces a newer one. */
  at: z.iso.datetime(),
  /** Who reacted, as the dashboard names them. */
  byName: z.string(),
  /** The customer's reaction message, so a duplicated delivery changes nothing. */
  wamid: z.string().nullable().default(null),
  /** Ours: the hidden outbound message that carries it to WhatsApp, and why that failed. */
  sendId: z.string().nullable().default(null),
  failed: z.string().nullable().default(null),
});
export type TReaction = z.infer<typeof ZReaction>;

export const ZReactions = z.object({
  /** Grows with every change: of two copies, the larger one is newer. */
  rev: z.number().int().nonnegative(),
  customer: ZReaction.optional(),
  business: ZReaction.optional(),
});
export type TReactions = z.infer<typeof ZReactions>;

/** The message a reply quotes, as shown above it; `id` null when we do not have that message. */
export const ZQuote = z.object({
  id: z.string().nullable(),
  // dto.ts imports this file, so its MESSAGE_DIRECTIONS is spelled out here.
  direction: z.enum(["inbound", "outbound", "note"]).nullable(),
  type: z.string().nullable(),
  body: z.string(),
});
export type TQuote = z.infer<typeof ZQuote>;

/** What message.react takes; an empty emoji takes the business's reaction back. */
export const ZReact = z.object({
  messageId: z.string().min(1).max(100),
  id: z.uuid(),
  emoji: z.string().max(32),
});
export type TReact = z.infer<typeof ZReact>;
