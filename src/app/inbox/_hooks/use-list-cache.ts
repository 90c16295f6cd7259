"use client";
// The cached conversation lists: one per filter the user has opened (mine / unassigned / all, by
// status), each loaded in pages as the user scrolls. A live event changes each of them by the same
// rule the server filters by (src/shared/conversation-filter.ts), so a conversation moves between
// lists without a refetch; ../_lib/list-pages.ts keeps the pages whole while it does.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { useMemo } from "react";
import { ZConversationFilter, type TConversationFilter } from "@/shared/conversation-filter";
import type { TConversationListItem } from "@/shared/dto";
import { api } from "@/trpc/react";
import { updatePages, type ListPages } from "../_lib/list-pages";

type List = TConversationListItem[];

/** The filter a cached list was fetched with, read back from its query key. */
function filterOf(queryKey: QueryKey): TConversationFilter {
  const meta = queryKey[1] as { input?: unknown } | undefined;
  return ZConversationFilter.parse(meta?.input ?? {});
}

export function useListCache() {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const lists = () => queryClient.getQueriesData<ListPages>({ queryKey: getQueryKey(api.conversation.list) });
    return {
      /** Applies `change` to every cached list; a list it returns unchanged is left alone. */
      update(change: (list: List, filter: TConversationFilter) => List) {
        for (const [queryKey, data] of lists()) {
          if (!data) continue;
          const filter = filterOf(queryKey);
          const next = updatePages(data, (list) => change(list, filter));
          if (next !== data) queryClient.setQueryData(queryKey, next);
        }
      },
      /** The conversation as any cached list has it (they agree on everything but membership). */
      find(conversationId: string): TConversationListItem | undefined {
        for (const [, data] of lists()) {
          for (const page of data?.pages ?? []) {
            const item = page.items.find((candidate) => candidate.id === conversationId);
            if (item) return item;
          }
        }
        return undefined;
      },
    };
  }, [queryClient]);
}
