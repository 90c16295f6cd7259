"use client";
// Marks the open conversation read up to its newest message whenever that message changes and the
// tab is visible (and again when a hidden tab becomes visible).
import { useEffect } from "react";
import { api } from "@/trpc/react";
import { clearUnread } from "../_lib/apply-event";
import { useListCache } from "./use-list-cache";

/** The newest key sent per conversation, so re-renders and remounts do not repeat the request. */
const sentUpTo = new Map<string, string>();

export function useMarkRead(conversationId: string, newestKey: string | undefined) {
  const lists = useListCache();
  const { mutate } = api.conversation.markRead.useMutation({
    onError: () => sentUpTo.delete(conversationId),
  });

  useEffect(() => {
    if (!newestKey) return;
    const markIfVisible = () => {
      if (document.visibilityState !== "visible") return;
      const sent = sentUpTo.get(conversationId);
      const unread = lists.find(conversationId)?.unreadCount ?? 0;
      if (sent !== undefined && sent >= newestKey && unread === 0) return;
      sentUpTo.set(conversationId, newestKey);
      lists.update((current) => clearUnread(current, conversationId));
      mutate({ conversationId, upToKey: newestKey });
    };
    markIfVisible();
    document.addEventListener("visibilitychange", markIfVisible);
    return () => document.removeEventListener("visibilitychange", markIfVisible);
  }, [conversationId, newestKey, mutate, lists]);
}
