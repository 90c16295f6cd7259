"use client";
// The open conversation's side of the outbox: writing a reply puts it in the stored queue (the
// shell's useOutboxSender sends it), and the log shows what is still queued.
import { useCallback, useSyncExternalStore } from "react";
import { useConnectionStatus } from "@/trpc/connection-state";
import { EMPTY_QUEUE, enqueue, removeReply, storageKey, type OutboxQueue, type QuotedReply, type WrittenKind } from "../_lib/outbox-queue";
import { outboxStore } from "../_lib/outbox-store";
import { newUuid } from "../_lib/uuid";

export interface ConversationOutbox {
  queue: OutboxQueue;
  /** True while replies cannot reach the server; queued replies show as waiting. */
  waiting: boolean;
  /** Queues a reply or a note and returns its id (also the id of the message the server will store). */
  write: (body: string, kind?: WrittenKind, replyTo?: QuotedReply) => string;
  discard: (id: string) => void;
}

export function useConversationOutbox(userKey: string, conversationId: string): ConversationOutbox {
  const key = storageKey(userKey, conversationId);
  const queue = useSyncExternalStore(
    outboxStore.subscribe,
    () => outboxStore.read(key),
    () => EMPTY_QUEUE,
  );
  const unreachable = useSyncExternalStore(outboxStore.subscribe, outboxStore.isUnreachable, () => false);
  const connection = useConnectionStatus();

  const write = useCallback(
    (body: string, kind: WrittenKind = "reply", replyTo?: QuotedReply) => {
      const id = newUuid();
      const reply = { id, kind, conversationId, body, createdAt: new Date().toISOString(), rejectedReason: null, ...(replyTo && { replyTo }) };
      outboxStore.update(key, (current) => enqueue(current, reply));
      return id;
    },
    [key, conversationId],
  );

  const discard = useCallback((id: string) => outboxStore.update(key, (current) => removeReply(current, id)), [key]);

  return { queue, waiting: connection === "offline" || unreachable, write, discard };
}
