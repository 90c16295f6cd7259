"use client";
// A conversation's new summary (status, assignee), from a live conversation.updated event or from
// the answer to this tab's own change: the header's copy and every cached list follow it, the
// conversation moving into or out of the lists whose filter it now matches or no longer does.
import { useCallback } from "react";
import { matchesFilter } from "@/shared/conversation-filter";
import type { TConversationSummary } from "@/shared/dto";
import { api } from "@/trpc/react";
import { applySummary, placeInList } from "../_lib/apply-event";
import { useListCache } from "./use-list-cache";

export function useConversationUpdater(userId: string) {
  const utils = api.useUtils();
  const lists = useListCache();
  return useCallback(
    (conversation: TConversationSummary) => {
      const unread = lists.find(conversation.id)?.unreadCount;
      lists.update((list, filter) =>
        placeInList(list, (item) => matchesFilter(filter, item, userId), conversation, unread ?? 0),
      );
      // Not in any cached list, its unread count is unknown here: the lists are asked again.
      if (unread === undefined) void utils.conversation.list.invalidate();
      utils.conversation.get.setData({ id: conversation.id }, (current) =>
        current ? applySummary(current, conversation) : current,
      );
    },
    [utils, lists, userId],
  );
}
