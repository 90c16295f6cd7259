"use client";
// Sends the signed-in user's queued replies (../_lib/outbox-queue.ts), for every conversation, from
// the inbox shell: a reply written offline goes out when the connection returns even if its
// conversation is no longer open. One reply at a time, oldest first per conversation, so replies
// reach the customer in the order they were written; each attempt reuses the reply's id, so an
// answer lost on the way and a resend never make two messages.
//
// Tabs of the same user share the queue (localStorage). One tab sends at a time (a Web Lock); the
// next finds what is left. Where Web Locks do not exist (plain http off localhost), two tabs may
// send the same reply at the same moment, which the server's idempotency by id makes one message.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { backoffDelayMs } from "@/shared/backoff";
import type { TMessage } from "@/shared/dto";
import { useConnectionStatus } from "@/trpc/connection-state";
import { loadLoginPage } from "@/trpc/navigation";
import { api } from "@/trpc/react";
import { applyOwnReplyToList, applyOwnReplyToSummary, mergeServerCopy } from "../_lib/apply-event";
import { nextToSend, rejectReply, removeReply, type QueuedReply } from "../_lib/outbox-queue";
import { outboxStore } from "../_lib/outbox-store";
import { classifySendError } from "../_lib/send-error";
import { useReasonWords } from "./use-reason-words";
import { messagesInput } from "./queries";
import { useListCache } from "./use-list-cache";

/** A send that gets no answer in this time is abandoned and tried again (same id: no double). */
const SEND_TIMEOUT_MS = 15_000;
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;


async function withSendLock(userKey: string, send: () => Promise<void>): Promise<void> {
  if (!("locks" in navigator)) return send();
  await navigator.locks.request(`switchboard.outbox:${userKey}`, send);
}

function firstQueued(userKey: string): { key: string; reply: QueuedReply } | null {
  for (const key of outboxStore.keysFor(userKey)) {
    const reply = nextToSend(outboxStore.read(key));
    if (reply) return { key, reply };
  }
  return null;
}

export function useOutboxSender(userKey: string) {
  const utils = api.useUtils();
  const lists = useListCache();
  const connection = useConnectionStatus();
  const words = useReasonWords();
  const revision = useSyncExternalStore(outboxStore.subscribe, outboxStore.getRevision, () => 0);
  const [retryRound, setRetryRound] = useState(0);
  const drainingRef = useRef(false);
  const failuresRef = useRef(0);
  const retryTimerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(retryTimerRef.current), []);

  // Runs when anything is queued or changes, when the connection comes back, and on retry timers.
  useEffect(() => {
    if (connection === "offline" || drainingRef.current) return;

    const confirmed = (message: TMessage) => {
      utils.conversation.messages.setInfiniteData(messagesInput(message.conversationId), (data) =>
        data ? mergeServerCopy(data, message) : data,
      );
      lists.update((list) => applyOwnReplyToList(list, message));
      utils.conversation.get.setData({ id: message.conversationId }, (summary) =>
        summary ? applyOwnReplyToSummary(summary, message) : summary,
      );
    };

    const drain = async () => {
      for (let next = firstQueued(userKey); next; next = firstQueued(userKey)) {
        if (!navigator.onLine) return;
        const { key, reply } = next;
        let message: TMessage;
        try {
          const write = reply.kind === "note" ? utils.client.message.note : utils.client.message.send;
          message = await write.mutate(
            { conversationId: reply.conversationId, id: reply.id, body: reply.body, ...(reply.replyTo && { replyToId: reply.replyTo.id }) },
            { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
          );
        } catch (error) {
          const failure = classifySendError(error, words);
          if (failure.kind === "rejected") {
            outboxStore.update(key, (queue) => rejectReply(queue, reply.id, failure.reason));
            continue;
          }
          if (failure.kind === "signed-out") {
            // The queue stays stored for this user; it is sent after signing in again.
            loadLoginPage();
            return;
          }
          outboxStore.setUnreachable(true);
          clearTimeout(retryTimerRef.current);
          retryTimerRef.current = setTimeout(() => setRetryRound((round) => round + 1), backoffDelayMs(++failuresRef.current, RETRY_BASE_MS, RETRY_MAX_MS));
          return;
        }
        // Cache first, queue second, in one render: the bubble never blinks out in between.
        confirmed(message);
        outboxStore.update(key, (queue) => removeReply(queue, reply.id));
        failuresRef.current = 0;
        outboxStore.setUnreachable(false);
      }
    };

    drainingRef.current = true;
    void withSendLock(userKey, drain).finally(() => {
      drainingRef.current = false;
    });
  }, [connection, revision, retryRound, userKey, utils, lists, words]);
}
