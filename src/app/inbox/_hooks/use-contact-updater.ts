"use client";
// A contact's new profile, from a live contact.updated event or from the answer to this tab's own
// change: the open panels follow it, and the lists and the conversation header take its name.
import { useQueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { useCallback } from "react";
import type { TContactPanel, TContactProfile } from "@/shared/contacts";
import type { TConversationSummary } from "@/shared/dto";
import { api } from "@/trpc/react";
import { applyContactToPanel, renameInList, renameInSummary } from "../_lib/apply-contact";
import { useListCache } from "./use-list-cache";

export function useContactUpdater() {
  const queryClient = useQueryClient();
  const lists = useListCache();
  return useCallback(
    (contact: TContactProfile) => {
      lists.update((list) => renameInList(list, contact));
      queryClient.setQueriesData<TConversationSummary>({ queryKey: getQueryKey(api.conversation.get) }, (current) =>
        current ? renameInSummary(current, contact) : current,
      );
      queryClient.setQueriesData<TContactPanel>({ queryKey: getQueryKey(api.contact.panel) }, (current) =>
        current ? applyContactToPanel(current, contact) : current,
      );
    },
    [queryClient, lists],
  );
}
