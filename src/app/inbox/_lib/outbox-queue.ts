// The composer's outbox: replies (and private notes) written in this browser that the server has
// not confirmed yet.
// Pure functions over a plain array, so the rules are testable without a browser:
// - order is the order written (the array order), and an id is queued at most once;
// - a reply keeps its client-made id on every attempt, which makes resending safe (message.send
//   is idempotent by id);
// - a reply the server refused for good (validation, permission) is marked rejected and never
//   sent again; the person discards it.
// Persisted as JSON in localStorage, one key per user and conversation (outbox-store.ts).
import { z } from "zod";
import { ZQuote, type TQuote } from "@/shared/reactions";

/** A reply goes to the customer; a note stays with the team (never sent to WhatsApp). */
export type WrittenKind = "reply" | "note";

export interface QueuedReply {
  /** The message id (a UUID made in the browser); the server stores the reply under it. */
  id: string;
  kind: WrittenKind;
  conversationId: string;
  body: string;
  /** When it was written (ISO), shown as the bubble's time until the server's copy replaces it. */
  createdAt: string;
  /** Why the server refused it for good; null while it is still to be sent. */
  rejectedReason: string | null;
  /** The message it replies to, quoted in the bubble until the server's copy replaces it. */
  replyTo?: QuotedReply;
}

/** A quote of one of the conversation's messages (the server sends it quoted by its wamid). */
export type QuotedReply = TQuote & { id: string };

export type OutboxQueue = readonly QueuedReply[];

export const EMPTY_QUEUE: OutboxQueue = Object.freeze([]);

/** Bump the version when the stored shape changes; old keys are then simply not read. */
const STORAGE_PREFIX = "switchboard.outbox.v1";

export function storageKey(userKey: string, conversationId: string): string {
  return `${STORAGE_PREFIX}:${encodeURIComponent(userKey)}:${encodeURIComponent(conversationId)}`;
}

/** The user's prefix, to find every conversation with queued replies. */
export function userStoragePrefix(userKey: string): string {
  return `${STORAGE_PREFIX}:${encodeURIComponent(userKey)}:`;
}

export function isOutboxKey(key: string): boolean {
  return key.startsWith(`${STORAGE_PREFIX}:`);
}

/** Adds a reply at the end, unless one with its id is already queued. */
export function enqueue(queue: OutboxQueue, reply: QueuedReply): OutboxQueue {
  if (queue.some((queued) => queued.id === reply.id)) return queue;
  return [...queue, reply];
}

/** Drops a reply: the server has it now, or the person discarded it. */
export function removeReply(queue: OutboxQueue, id: string): OutboxQueue {
  return queue.some((reply) => reply.id === id) ? queue.filter((reply) => reply.id !== id) : queue;
}

export function rejectReply(queue: OutboxQueue, id: string, reason: string): OutboxQueue {
  if (!queue.some((reply) => reply.id === id && reply.rejectedReason === null)) return queue;
  return queue.map((reply) => (reply.id === id ? { ...reply, rejectedReason: reason } : reply));
}

/** The oldest reply still to be sent; rejected ones are skipped and never block the rest. */
export function nextToSend(queue: OutboxQueue): QueuedReply | undefined {
  return queue.find((reply) => reply.rejectedReason === null);
}

const ZQueuedReply = z.object({
  id: z.string().min(1),
  // Entries stored before notes existed are replies.
  kind: z.enum(["reply", "note"]).default("reply"),
  conversationId: z.string().min(1),
  body: z.string(),
  createdAt: z.iso.datetime(),
  rejectedReason: z.string().nullable(),
  replyTo: ZQuote.extend({ id: z.string().min(1) }).optional(),
});

/**
 * Reads a stored queue. Storage is shared with other code and other versions of this app, so
 * anything unreadable is dropped entry by entry rather than taking the whole queue down.
 */
export function parseQueue(raw: string | null): OutboxQueue {
  if (!raw) return EMPTY_QUEUE;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY_QUEUE;
  }
  if (!Array.isArray(data)) return EMPTY_QUEUE;
  let queue: OutboxQueue = EMPTY_QUEUE;
  for (const item of data) {
    const parsed = ZQueuedReply.safeParse(item);
    if (parsed.success) queue = enqueue(queue, parsed.data);
  }
  return queue;
}

/** The stored form; null means "remove the key" (nothing queued leaves nothing behind). */
export function serializeQueue(queue: OutboxQueue): string | null {
  return queue.length === 0 ? null : JSON.stringify(queue);
}
