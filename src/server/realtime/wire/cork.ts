// Several events fanned out in one turn (a delivery of many messages, a burst of webhooks) would
// each cost every socket a write system call, the largest share of fan-out CPU in a profile. A
// socket given an event that others follow in the same flush is corked until the flush ends, so
// all its frames of that turn leave in one writev. A flush of one event is not corked (see
// live-channel.ts).
import type { Duplex } from "node:stream";

const corked = new Set<Duplex>();

function uncorkAll(): void {
  for (const socket of corked) socket.uncork();
  corked.clear();
}

export const isCorkedThisTurn = (socket: Duplex): boolean => corked.has(socket);

/** Corks `socket` until the current microtask queue has run (the end of this fan-out flush). */
export function corkForThisTurn(socket: Duplex): void {
  if (corked.has(socket)) return;
  if (corked.size === 0) queueMicrotask(uncorkAll);
  socket.cork();
  corked.add(socket);
}
