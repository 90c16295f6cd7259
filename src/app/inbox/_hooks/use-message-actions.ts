"use client";
// The open conversation's message actions (./../_components/message-actions-context.tsx): which
// message the composer replies to, reacting through message.react, and jumping to a quoted
// message — loading older pages until the history holds it, then, once React has rendered it,
// scrolling it into view. The scroll waits for the commit (an effect on the oldest message): a
// frame after the fetch is not always enough for the new page to be in the DOM.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import type { TMessage } from "@/shared/dto";
import { httpStatusOf } from "@/trpc/query-client";
import { loadLoginPage } from "@/trpc/navigation";
import { api } from "@/trpc/react";
import type { MessageActions } from "../_components/messages/message-actions-context";
import { applyReactions } from "../_lib/apply-reactions";
import { newUuid } from "../_lib/uuid";
import { readableReason } from "../_lib/send-error";
import { useReasonWords } from "./use-reason-words";
import type { MessagePage } from "../_lib/apply-event";
import { messagesInput } from "./queries";

const HIGHLIGHT_MS = 2_500;
/** Pages to load at most while looking for a quoted message (a page is 50 messages). */
const MAX_PAGES = 40;

interface Options {
  logRef: RefObject<HTMLDivElement | null>;
  loadOlder: () => Promise<{ hasNextPage: boolean; data?: { pages: readonly MessagePage[] } }>;
  hasOlder: boolean;
  /** The oldest message in the log: it changes when an older page has been rendered. */
  firstId: string | undefined;
}

const holds = (pages: readonly MessagePage[] | undefined, messageId: string) =>
  pages?.some((page) => page.messages.some((message) => message.id === messageId)) ?? false;

export function useMessageActions({ logRef, loadOlder, hasOlder, firstId }: Options) {
  const t = useTranslations("Errors");
  const words = useReasonWords();
  const utils = api.useUtils();
  const [replyingTo, setReplyingTo] = useState<TMessage | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [jumpTarget, setJumpTarget] = useState<string | null>(null);
  const [reactError, setReactError] = useState<string | null>(null);

  const { mutate: sendReaction } = api.message.react.useMutation({
    onSuccess: () => setReactError(null),
    onError: (error) => {
      if (httpStatusOf(error) === 401) loadLoginPage();
      else setReactError(t("react", { reason: readableReason(error, words) }));
    },
  });

  useEffect(() => {
    if (!highlightedId) return;
    const timer = setTimeout(() => setHighlightedId(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightedId]);

  // After each commit while a jump is pending: is the message in the log yet?
  useEffect(() => {
    if (!jumpTarget) return;
    const element = logRef.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(jumpTarget)}"]`);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
    setHighlightedId(jumpTarget);
    setJumpTarget(null);
  }, [jumpTarget, firstId, logRef]);

  const jumpTo = useCallback(
    async (messageId: string) => {
      setJumpTarget(messageId);
      if (logRef.current?.querySelector(`[data-message-id="${CSS.escape(messageId)}"]`)) return;
      let more = hasOlder;
      for (let page = 0; page < MAX_PAGES && more; page++) {
        const result = await loadOlder();
        if (holds(result.data?.pages, messageId)) return; // the effect above scrolls once it is rendered
        more = result.hasNextPage;
      }
      setJumpTarget((current) => (current === messageId ? null : current));
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
