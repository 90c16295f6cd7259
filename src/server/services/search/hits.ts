// What each provider's search SQL (sqlite.ts, postgres.ts) gives search.ts, and the
// little they share: the snippet's match markers and the visibility condition.
import { Prisma } from "../../db/generated/client";
import type { Access } from "../access";

/** Marks a match inside a snippet; private-use characters, which no keyboard types. */
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";
/** How many words of a message a snippet shows around the match. */
export const SNIPPET_WORDS = 12;

export interface ContactHit {
  conversationId: string;
  field: "name" | "number";
}

export interface MessageHit {
  conversationId: string;
  messageId: string;
  /** The message's text around the match, each match between MATCH_START and MATCH_END. */
  snippet: string;
}

/** The rule of access.ts as a condition on `c`, the Conversation row, so that a limit counts only what the user may see. */
export function visibleTo(access: Access): Prisma.Sql {
  if (access.inboxIds === "all") return Prisma.sql`1 = 1`;
  if (access.inboxIds.size === 0) return Prisma.sql`1 = 0`;
  return Prisma.sql`c."inboxId" IN (${Prisma.join([...access.inboxIds])})`;
}
