// Several events fanned out in one turn (a delivery of many messages, a burst of webhooks) would
// each cost every socket a write system call, the largest share of fan-out CPU in a profile. A
// socket written to during a flush is corked until the flush ends, so all its frames of that turn
// leave in one writev.
import type { Duplex } from "node:stream";

const corked = new Set<Duplex>();

function uncorkAll(): void {
  for (const socket of corked) socket.uncork();
  corked.clear();
}

/**
 * Corks `socket` until the current microtask queue has run (the end of this fan-out flush);
 * false when it already was, in this turn.
 */
export function corkForThisTurn(socket: Duplex): boolean {
  if (corked.has(socket)) return false;
  if (corked.size === 0) queueMicrotask(uncorkAll);
  socket.cork();
  corked.add(socket);
  return true;
}
