// What the message log shows: the server's messages, then this browser's replies that the server
// has not confirmed yet. A queued reply and the server's copy share one id, and the server's copy
// wins, so a reply can never show twice — not while its send is in flight, not when the
// message.created event overtakes the send's answer, not after a reload.
import type { TActivity } from "@/shared/activity";
import type { TMessage } from "@/shared/dto";
import type { OutboxQueue, QueuedReply } from "./outbox-queue";

/** A reply still in the browser: on its way, waiting for a connection, or refused by the server. */
export type LocalState = { kind: "sending" } | { kind: "waiting" } | { kind: "rejected"; reason: string };

export interface LogEntry {
  message: TMessage;
  /** Set for replies the server does not have yet; null for everything the server sent us. */
  local: LocalState | null;
}

interface Options {
  /** No connection (the browser is offline, or the last attempt could not reach the server). */
  waiting: boolean;
  /** The signed-in user, shown as the author like on the server's copy. */
  authorName: string;
}

export function toLocalMessage(reply: QueuedReply, authorName: string): TMessage {
  return {
    id: reply.id,
    conversationId: reply.conversationId,
    direction: reply.kind === "note" ? "note" : "outbound",
    type: "text",
    body: reply.body,
    status: reply.rejectedReason === null ? "queued" : "failed",
    statusReason: reply.rejectedReason,
    timestamp: reply.createdAt,
    // Not a server key: local replies are placed after every stored message, in the order written.
    sortKey: "",
    details: null,
    authorName,
    replyTo: reply.replyTo ?? null,
  };
}

function localState(reply: QueuedReply, waiting: boolean): LocalState {
  if (reply.rejectedReason !== null) return { kind: "rejected", reason: reply.rejectedReason };
  return waiting ? { kind: "waiting" } : { kind: "sending" };
}

export function buildLogEntries(messages: readonly TMessage[], queue: OutboxQueue, options: Options): LogEntry[] {
  const entries: LogEntry[] = messages.map((message) => ({ message, local: null }));
  if (queue.length === 0) return entries;
  const stored = new Set(messages.map((message) => message.id));
  for (const reply of queue) {
    if (stored.has(reply.id)) continue;
    entries.push({ message: toLocalMessage(reply, options.authorName), local: localState(reply, options.waiting) });
  }
  return entries;
}

/** One line of the log: a message (the server's, or a reply still in the browser), or a change. */
export type LogItem = { kind: "message"; entry: LogEntry } | { kind: "activity"; activity: TActivity };

/** A line's identity in the log (React's key, the scroll position's anchor). */
export const itemKey = (item: LogItem | undefined): string | undefined =>
  !item ? undefined : item.kind === "message" ? item.entry.message.id : `activity-${item.activity.id}`;

/** When a line happened, for its day heading. */
export const itemTime = (item: LogItem): string =>
  item.kind === "message" ? item.entry.message.timestamp : item.activity.change.at;

/**
 * The messages with the changes among them, each change after the messages sent before it. The
 * browser's own unconfirmed replies stay last, as in buildLogEntries.
 */
export function withActivity(entries: readonly LogEntry[], activity: readonly TActivity[]): LogItem[] {
  const items: LogItem[] = [];
  let next = 0;
  for (const entry of entries) {
    const stored = entry.local === null;
    while (stored && next < activity.length && activity[next]!.change.at < entry.message.timestamp) {
      items.push({ kind: "activity", activity: activity[next++]! });
    }
    items.push({ kind: "message", entry });
  }
  // Changes after the newest stored message go before any unconfirmed reply.
  const firstLocal = items.findIndex((item) => item.kind === "message" && item.entry.local !== null);
  const rest = activity.slice(next).map((change): LogItem => ({ kind: "activity", activity: change }));
  if (firstLocal === -1) items.push(...rest);
  else items.splice(firstLocal, 0, ...rest);
  return items;
}
