"use client";
// The inbox's queries. Each waits for the event cursor, so every snapshot is taken after the point
// the live stream starts from: nothing can fall between a snapshot and the stream.
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

export function useConversationList() {
  const cursor = useEventsCursor();
  const list = api.conversation.list.useQuery(undefined, { enabled: cursor.isSuccess });
  return { ...list, isError: list.isError || cursor.isError, retry: () => void (cursor.isError ? cursor.refetch() : list.refetch()) };
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
