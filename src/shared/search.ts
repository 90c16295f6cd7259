// What a conversation search takes and returns: shared by the search router and the sidebar.
import { z } from "zod";
import { encodeText, said } from "./server-text";
import type { MessageDirection, TConversationSummary } from "./dto";

export const MAX_SEARCH_LENGTH = 200;

export const ZSearchInput = z.object({
  query: z
    .string()
    .trim()
    .min(1, encodeText(said("searchEmpty")))
    .max(MAX_SEARCH_LENGTH, encodeText(said("searchTooLong", { max: MAX_SEARCH_LENGTH }))),
});
export type TSearchInput = z.infer<typeof ZSearchInput>;

/** A piece of a snippet; `match` marks the words that matched the search. */
export interface TSnippetPart {
  text: string;
  match: boolean;
}

export type TSearchMatch =
  /** The contact's name contains the search, or their number its digits. */
  | { kind: "contact"; field: "name" | "number" }
  /**
   * The team's note about the contact, or one of its attribute values, contains the search: `text`
   * is that note, or the attribute as "Key: value".
   */
  | { kind: "contact"; field: "note" | "attribute"; text: string }
  /** The conversation's newest message (or note) with every word of the search. */
  | { kind: "message"; messageId: string; direction: MessageDirection; timestamp: string; snippet: TSnippetPart[] };

export interface TSearchResult {
  conversation: TConversationSummary;
  match: TSearchMatch;
}
