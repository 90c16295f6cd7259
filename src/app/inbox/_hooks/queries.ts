"use client";
// The inbox's queries. Each waits for the event cursor, so every snapshot is taken after the point
// the live stream starts from: nothing can fall between a snapshot and the stream.
import { keepPreviousData } from "@tanstack/react-query";
import type { TConversationFilter } from "@/shared/conversation-filter";
import { api } from "@/trpc/react";
import type { MessagePage } from "../_lib/apply-event";

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

export function useConversationList(filter: TConversationFilter) {
  const cursor = useEventsCursor();
  // While the next filter's list loads, the previous one stays on screen (no flash of skeletons).
  const list = api.conversation.list.useQuery(filter, { enabled: cursor.isSuccess, placeholderData: keepPreviousData });
  return { ...list, isError: list.isError || cursor.isError, retry: () => void (cursor.isError ? cursor.refetch() : list.refetch()) };
}

/** The numbers beside the filters and the unread total; refreshed by the live events. */
export function useConversationCounts() {
  const cursor = useEventsCursor();
  return api.conversation.counts.useQuery(undefined, { enabled: cursor.isSuccess });
}

export function useConversation(conversationId: string) {
  const cursor = useEventsCursor();
  return api.conversation.get.useQuery({ id: conversationId }, { enabled: cursor.isSuccess });
}

const oldestFirst = (pages: readonly MessagePage[]) => pages.toReversed().flatMap((page) => page.messages);

export function useConversationMessages(conversationId: string) {
  const cursor = useEventsCursor();
  const query = api.conversation.messages.useInfiniteQuery(messagesInput(conversationId), {
    enabled: cursor.isSuccess,
    getNextPageParam: (page) => page.olderCursor,
  });
  return {
    messages: query.data ? oldestFirst(query.data.pages) : [],
    isPending: query.isPending,
    isError: query.isError,
    hasOlder: query.hasNextPage,
    isFetchingOlder: query.isFetchingNextPage,
    loadOlder: query.fetchNextPage,
  };
}
