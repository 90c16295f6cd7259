"use client";
// The inbox's queries. Each waits for the event cursor, so every snapshot is taken after the point
// the live stream starts from: nothing can fall between a snapshot and the stream.
import { keepPreviousData, replaceEqualDeep } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { TConversationFilter } from "@/shared/conversation-filter";
import { api } from "@/trpc/react";
import type { TConversationSummary } from "@/shared/dto";
import { fetchedSummary, type MessagePage } from "../_lib/apply-event";
import { listOf } from "../_lib/list-pages";

const PAGE_SIZE = 50;

/** The key of a conversation's history in the cache (React Query adds the page cursor). */
export const messagesInput = (conversationId: string) => ({ conversationId, limit: PAGE_SIZE });

/** Fetched once per page load; the subscription starts from it and then tracks its own position. */
export function useEventsCursor() {
  return api.events.cursor.useQuery(undefined, {
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnMount: false,
    refetchOnReconnect: false,
  });
}

/**
 * The conversation list for a filter, loaded a page at a time: `loadMore` asks for the next page
 * (the list calls it as the user scrolls near the end). Live events keep every loaded page current.
 */
export function useConversationList(filter: TConversationFilter) {
  const cursor = useEventsCursor();
  // While the next filter's list loads, the previous one stays on screen (no flash of skeletons).
  const list = api.conversation.list.useInfiniteQuery(filter, {
    enabled: cursor.isSuccess,
    placeholderData: keepPreviousData,
    getNextPageParam: (page) => page.nextCursor,
  });
  const { data, hasNextPage, isFetchingNextPage, isFetching, fetchNextPage } = list;
  const items = useMemo(() => (data ? listOf(data.pages) : undefined), [data]);
  // Not while the whole list is fetched again (a refetch walks every loaded page itself).
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);
  return {
    items,
    hasMore: hasNextPage,
    isLoadingMore: isFetchingNextPage,
    loadMore,
    isError: list.isError || cursor.isError,
    retry: () => void (cursor.isError ? cursor.refetch() : list.refetch()),
  };
}

/** The numbers beside the filters and the unread total; refreshed by the live events. */
export function useConversationCounts() {
  const cursor = useEventsCursor();
  return api.conversation.counts.useQuery(undefined, { enabled: cursor.isSuccess });
}

export function useConversation(conversationId: string) {
  const cursor = useEventsCursor();
  return api.conversation.get.useQuery(
    { id: conversationId },
    {
      enabled: cursor.isSuccess,
      // Cached and fetched are both this query's summaries (React Query types them unknown here).
      structuralSharing: (cached, fetched) =>
        replaceEqualDeep(cached, fetchedSummary(cached as TConversationSummary | undefined, fetched as TConversationSummary)),
    },
  );
}

const oldestFirst = (pages: readonly MessagePage[]) => pages.toReversed().flatMap((page) => page.messages);
const activityOldestFirst = (pages: readonly MessagePage[]) => pages.toReversed().flatMap((page) => page.activity);

export function useConversationMessages(conversationId: string) {
  const cursor = useEventsCursor();
  const query = api.conversation.messages.useInfiniteQuery(messagesInput(conversationId), {
    enabled: cursor.isSuccess,
    getNextPageParam: (page) => page.olderCursor,
  });
  return {
    messages: query.data ? oldestFirst(query.data.pages) : [],
    /** Assignment and status changes, oldest first, as far back as the loaded messages go. */
    activity: query.data ? activityOldestFirst(query.data.pages) : [],
    isPending: query.isPending,
    isError: query.isError,
    hasOlder: query.hasNextPage,
    isFetchingOlder: query.isFetchingNextPage,
    loadOlder: query.fetchNextPage,
  };
}
