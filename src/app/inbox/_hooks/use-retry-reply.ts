"use client";
// Retry for a reply that WhatsApp refused: message.retry queues it again; the server then sends a
// message.updated event to every tab. Offline, React Query holds the call until the browser is
// back online, and the button says so.
import { useTranslations } from "next-intl";
import type { TMessage } from "@/shared/dto";
import { httpStatusOf } from "@/trpc/query-client";
import { loadLoginPage } from "@/trpc/navigation";
import { api } from "@/trpc/react";
import { applyRetried } from "../_lib/apply-event";
import { readableReason } from "../_lib/send-error";
import { useReasonWords } from "./use-reason-words";
import { messagesInput } from "./queries";

export interface RetryState {
  busy: boolean;
  /** The call is held until the browser is online again. */
  waiting: boolean;
  error: string | null;
}

const idle: RetryState = { busy: false, waiting: false, error: null };

export function useRetryReply() {
  const t = useTranslations("Errors");
  const words = useReasonWords();
  const utils = api.useUtils();
  const mutation = api.message.retry.useMutation({
    onSuccess: (message: TMessage) => {
      utils.conversation.messages.setInfiniteData(messagesInput(message.conversationId), (data) =>
        data ? applyRetried(data, message) : data,
      );
    },
    onError: (error) => {
      if (httpStatusOf(error) === 401) loadLoginPage();
    },
  });

  const stateOf = (messageId: string): RetryState => {
    if (mutation.variables?.messageId !== messageId) return idle;
    return {
      busy: mutation.isPending,
      waiting: mutation.isPaused,
      error: mutation.isError ? t("retry", { reason: readableReason(mutation.error, words) }) : null,
    };
  };

  return { retry: (messageId: string) => mutation.mutate({ messageId }), stateOf };
}
