// What each provider's search SQL (sqlite.ts, postgres.ts) gives search.ts, and the
// little they share: the snippet's match markers and the visibility condition.
import { Prisma } from "../../db/generated/client";
import type { Access } from "../access";

/** Marks a match inside a snippet; private-use characters, which no keyboard types. */
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";
/** How many words of a message a snippet shows around the match. */
export const SNIPPET_WORDS = 12;

export type ContactHit =
  | { conversationId: string; field: "name" | "number" }
  /** The note, or the matching attribute as "Key: value". */
  | { conversationId: string; field: "note" | "attribute"; text: string };

/** A contact hit's row: which of the contact's fields matched, the best first (name, number, attribute, note). */
export interface ContactHitRow {
  conversationId: string;
  byName: number | bigint | boolean;
  byNumber: number | bigint | boolean;
  /** The first matching attribute as "Key: value", or null. */
  attribute: string | null;
  /** The note when it matched, or null. */
  note: string | null;
}

export function toContactHit(row: ContactHitRow): ContactHit {
  const { conversationId } = row;
  if (Number(row.byName)) return { conversationId, field: "name" };
  if (Number(row.byNumber)) return { conversationId, field: "number" };
  if (row.attribute !== null) return { conversationId, field: "attribute", text: row.attribute };
  return { conversationId, field: "note", text: row.note ?? "" };
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
