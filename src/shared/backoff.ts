// How long to wait before trying again, for everything that retries: the outbox worker's calls to
// WhatsApp, the browser's queued replies and its WebSocket. Exponential, capped, with "equal
// jitter" (at least half the delay, the rest random): the wait still grows, and clients that
// failed together do not all come back in the same instant.

/** The wait after `failures` failures in a row (1 after the first), in ms. */
export function backoffDelayMs(failures: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
