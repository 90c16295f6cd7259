"use client";
// The names of the people who may see a conversation, for its activity lines: the same query (and
// cache entry) as the assign control's list (../_components/conversation-actions.tsx).
import { useCallback } from "react";
import { api } from "@/trpc/react";
import type { NameOf } from "../_lib/activity-lines";

export function useTeamNames(conversationId: string): NameOf {
  const assignees = api.conversation.assignees.useQuery({ conversationId }, { staleTime: 60_000 });
  const people = assignees.data;
  return useCallback((userId: string) => people?.find((person) => person.id === userId)?.name, [people]);
}
