"use client";
import { useParams } from "next/navigation";

/** The open conversation's id, from the route (/inbox/[conversationId]); null on the list alone. */
export function useRouteConversationId(): string | null {
  // useParams is null only under the Pages Router, which serves no page here.
  const params = useParams<{ conversationId?: string }>();
  return params?.conversationId ? decodeURIComponent(params.conversationId) : null;
}
