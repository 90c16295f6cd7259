// One page of the conversation list. The list is read newest first in pages (keyset pagination):
// each page ends with an opaque cursor that the next request passes back, so a page is found by an
// index range however deep the agent scrolls, and a conversation that moves to the top meanwhile
// is neither repeated nor skipped by the pages after it (the live events bring it to the top).
import { z } from "zod";
import { ZConversationFilter } from "./conversation-filter";
import type { TConversationListItem } from "./dto";

export const CONVERSATION_PAGE_SIZE = 50;
export const MAX_CONVERSATION_PAGE_SIZE = 200;

export const ZConversationListInput = ZConversationFilter.extend({
  /** From the previous page's `nextCursor`; absent or null for the first page. */
  cursor: z.string().min(1).max(400).nullish(),
  limit: z.number().int().min(1).max(MAX_CONVERSATION_PAGE_SIZE).default(CONVERSATION_PAGE_SIZE),
});
export type TConversationListInput = z.infer<typeof ZConversationListInput>;

export interface ConversationListPage {
  /** In the list's order: newest last message first, ties by id (descending). */
  items: TConversationListItem[];
  /** Pass as `cursor` for the next page; null when this page is the last. */
  nextCursor: string | null;
}
