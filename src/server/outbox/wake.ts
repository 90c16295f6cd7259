// How a new or retried reply reaches an outbox worker at once instead of at its next poll, in
// whichever process the worker runs: the worker listens on the bus for the committed event that
// queued it (a message created or updated as an outbound "queued" one).
import { bus } from "../bus";
import type { TAppEvent } from "@/shared/events";

export function queuesAReply(event: TAppEvent): boolean {
  return (
    (event.type === "message.created" || event.type === "message.updated") &&
    event.message.direction === "outbound" &&
    event.message.status === "queued"
  );
}

/** Calls `wake` whenever committed events queue a reply; returns how to stop. */
export function onRepliesQueued(wake: () => void): () => void {
  return bus().listen((events) => {
    if (events.some((event) => queuesAReply(event.event))) wake();
  });
}
