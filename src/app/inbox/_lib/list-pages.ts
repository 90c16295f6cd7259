// A conversation list loaded in pages (an infinite query), and how a live change reaches it. The
// live rules (./apply-event.ts) work on one plain list; here the pages are joined into that list
// and the result is cut back into pages of the same sizes, each keeping its cursor. A conversation
// that a change would place below the loaded part of an unfinished list is left out: the next page
// will bring it, with its unread count, and keeping it here would show it twice.
import type { InfiniteData } from "@tanstack/react-query";
import type { ConversationListPage } from "@/shared/conversation-page";
import type { TConversationListItem } from "@/shared/dto";
import { decodeListCursor, isAfter } from "@/shared/list-cursor";

export type ListPages<TParam = unknown> = InfiniteData<ConversationListPage, TParam>;

/** The loaded conversations in order, each once (a page fetched late may repeat one moved up meanwhile). */
export function listOf(pages: readonly ConversationListPage[]): TConversationListItem[] {
  const seen = new Set<string>();
  const items: TConversationListItem[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

/** Applies a change to the whole loaded list; returns `data` itself when nothing changed. */
export function updatePages<P>(data: ListPages<P>, change: (list: TConversationListItem[]) => TConversationListItem[]): ListPages<P> {
  const list = listOf(data.pages);
  const changed = change(list);
  if (changed === list) return data;
  const nextCursor = data.pages.at(-1)?.nextCursor;
  const end = nextCursor ? decodeListCursor(nextCursor) : null;
  const kept = end ? changed.filter((item) => !isAfter(item, end)) : changed;
  if (kept.length === list.length && kept.every((item, index) => item === list[index])) return data;
  let start = 0;
  const pages = data.pages.map((page, index) => {
    const size = index === data.pages.length - 1 ? kept.length - start : page.items.length;
    const items = kept.slice(start, start + size);
    start += items.length;
    return { ...page, items };
  });
  return { ...data, pages };
}
