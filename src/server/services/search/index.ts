// Finding conversations by contact name, number, the team's note and attributes, or message text
// (notes included) for one user.
// Contact matches come first, then conversations by their newest matching message. The SQL is in
// sqlite.ts or postgres.ts, by the database in use; the rows it finds are loaded again and kept
// only where access.ts's own rule lets the user see them, so a mistake in the SQL could drop a
// result but never show one from an inbox the user cannot see.
import { db } from "../../db/client";
import { MESSAGE_DIRECTIONS, type MessageDirection } from "@/shared/dto";
import type { TSearchMatch, TSearchResult, TSnippetPart } from "@/shared/search";
import { canSeeInbox, type Access } from "../access";
import { toConversationSummary } from "../dto";
import { MATCH_END, MATCH_START } from "./hits";
import * as postgresSearch from "./postgres";
import * as sqliteSearch from "./sqlite";
import { searchTerms } from "./terms";

export const SEARCH_LIMIT = 20;

export async function searchConversations(access: Access, query: string): Promise<TSearchResult[]> {
  const terms = searchTerms(query);
  if (!terms.name) return [];
  const { findContactHits, findMessageHits } = db().provider === "postgresql" ? postgresSearch : sqliteSearch;
  const contactHits = await findContactHits(access, terms, SEARCH_LIMIT);
  const messageHits = await findMessageHits(
    access,
    terms,
    contactHits.map((hit) => hit.conversationId),
    SEARCH_LIMIT - contactHits.length,
  );

  const conversationIds = [...contactHits, ...messageHits].map((hit) => hit.conversationId);
  if (conversationIds.length === 0) return [];
  const [conversations, messages] = await Promise.all([
    // By id alone, then access.ts's rule: with the inbox in the WHERE, SQLite's planner (which has
    // no statistics) may read the agent's whole inbox by an inbox index instead of these few rows.
    db()
      .read.conversation.findMany({ where: { id: { in: conversationIds } }, include: { contact: true } })
      .then((rows) => rows.filter((row) => canSeeInbox(access, row.inboxId))),
    db().read.message.findMany({
      where: { id: { in: messageHits.map((hit) => hit.messageId) } },
      select: { id: true, direction: true, timestamp: true },
    }),
  ]);
  const conversationById = new Map(conversations.map((row) => [row.id, row]));
  const messageById = new Map(messages.map((row) => [row.id, row]));

  const results: TSearchResult[] = [];
  for (const hit of contactHits) {
    const conversation = conversationById.get(hit.conversationId);
    if (!conversation) continue;
    const match: TSearchMatch =
      "text" in hit ? { kind: "contact", field: hit.field, text: hit.text } : { kind: "contact", field: hit.field };
    results.push({ conversation: toConversationSummary(conversation), match });
  }
  for (const hit of messageHits) {
    const conversation = conversationById.get(hit.conversationId);
    const message = messageById.get(hit.messageId);
    if (!conversation || !message) continue;
    results.push({
      conversation: toConversationSummary(conversation),
      match: {
        kind: "message",
        messageId: message.id,
        direction: asDirection(message.direction),
        timestamp: message.timestamp.toISOString(),
        snippet: snippetParts(hit.snippet),
      },
    });
  }
  return results;
}

function asDirection(value: string): MessageDirection {
  const direction = MESSAGE_DIRECTIONS.find((known) => known === value);
  if (!direction) throw new Error(`unknown message direction ${JSON.stringify(value)}`);
  return direction;
}

/** Splits a marked snippet into plain and matched pieces, so the client never parses markup. */
export function snippetParts(snippet: string): TSnippetPart[] {
  const parts: TSnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    const end = rest.indexOf(MATCH_END, start);
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + MATCH_START.length, stop), match: true });
    rest = end === -1 ? "" : rest.slice(end + MATCH_END.length);
  }
  return parts.filter((part) => part.text.length > 0);
}
