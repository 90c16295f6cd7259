"use client";
// The open conversation's message actions (./../_components/message-actions-context.tsx): which
// message the composer replies to, reacting through message.react, and jumping to a quoted
// message — loading older pages until it is in the log, then scrolling it into view.
import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import type { TMessage } from "@/shared/dto";
import { httpStatusOf } from "@/trpc/query-client";
import { loadLoginPage } from "@/trpc/navigation";
import { api } from "@/trpc/react";
import type { MessageActions } from "../_components/message-actions-context";
import { applyReactions } from "../_lib/apply-reactions";
import { newUuid } from "../_lib/uuid";
import { readableReason } from "../_lib/send-error";
import { messagesInput } from "./queries";

const HIGHLIGHT_MS = 2_500;
/** Pages to load at most while looking for a quoted message (a page is 50 messages). */
const MAX_PAGES = 40;

interface Options {
  logRef: RefObject<HTMLDivElement | null>;
  loadOlder: () => Promise<{ hasNextPage: boolean }>;
  hasOlder: boolean;
}

export function useMessageActions({ logRef, loadOlder, hasOlder }: Options) {
  const utils = api.useUtils();
  const [replyingTo, setReplyingTo] = useState<TMessage | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [reactError, setReactError] = useState<string | null>(null);

  const { mutate: sendReaction } = api.message.react.useMutation({
    onSuccess: () => setReactError(null),
    onError: (error) => {
      if (httpStatusOf(error) === 401) loadLoginPage();
      else setReactError(`Couldn’t react: ${readableReason(error)}`);
    },
  });

  useEffect(() => {
    if (!highlightedId) return;
    const timer = setTimeout(() => setHighlightedId(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightedId]);

  const jumpTo = useCallback(
    async (messageId: string) => {
      let more = hasOlder;
      for (let page = 0; page <= MAX_PAGES; page++) {
        const element = logRef.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"]`);
        if (element) {
          element.scrollIntoView({ block: "center" });
          element.focus({ preventScroll: true });
          setHighlightedId(messageId);
          return;
        }
        if (!more) return;
        more = (await loadOlder()).hasNextPage;
        // Let React put the new page into the log before looking again.
        await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      }
    },
    [hasOlder, loadOlder, logRef],
  );

  const actions = useMemo<MessageActions>(
    () => ({
      replyTo: setReplyingTo,
      react: (message, emoji) =>
        sendReaction(
          { messageId: message.id, id: newUuid(), emoji },
          {
            // Shown at once in this tab; the event that follows (to every tab) finds it there already.
            onSuccess: (reactions) => {
              if (!reactions) return;
              utils.conversation.messages.setInfiniteData(messagesInput(message.conversationId), (data) =>
                data ? applyReactions(data, message.id, reactions) : data,
              );
            },
          },
        ),
      jumpTo: (messageId) => void jumpTo(messageId),
      highlightedId,
    }),
    [highlightedId, jumpTo, sendReaction, utils],
  );
  return { actions, replyingTo, cancelReply: () => setReplyingTo(null), reactError, dismissReactError: () => setReactError(null) };
}
