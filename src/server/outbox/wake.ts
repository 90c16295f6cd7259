// How a new or retried reply reaches an outbox worker at once instead of at its next poll, in
// whichever process the worker runs: the worker listens on the bus for the committed event that
// queued it (a message created or updated as an outbound "queued" one, or an agent's reaction,
// which travels as a hidden message: ../reactions/outbound.ts).
import { bus } from "../bus";
import type { TAppEvent } from "@/shared/events";

export function queuesAReply(event: TAppEvent): boolean {
  return (
    (event.type === "message.created" || event.type === "message.updated") &&
    event.message.direction === "outbound" &&
    event.message.status === "queued"
  ) || (event.type === "message.reactions" && !!event.reactions.business?.sendId && !event.reactions.business.failed);
}

/** Calls `wake` whenever committed events queue a reply; returns how to stop. */
export function onRepliesQueued(wake: () => void): () => void {
  return bus().listen((events) => {
    if (events.some((event) => queuesAReply(event.event))) wake();
  });
}
