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
      // It was in no cached list, and now one shows it (it sorts within a loaded part): its unread
      // count is unknown here, so the lists are asked again. One below every loaded part waits for
      // the page that brings it.
      if (unread === undefined && lists.find(conversation.id)) void utils.conversation.list.invalidate();
      utils.conversation.get.setData({ id: conversation.id }, (current) =>
        current ? applySummary(current, conversation) : current,
      );
    },
    [utils, lists, userId],
  );
}
