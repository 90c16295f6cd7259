// SQLite's driver is synchronous: every statement of a transaction resolves as a microtask, so a
// long transaction (a delivery of a thousand messages) never lets the event loop run, and health
// checks, sockets and other requests stall until it commits. Long loops inside a transaction call
// this between items: once `budgetMs` of work has passed, it yields one turn of the event loop.
// Other writers keep waiting for the transaction (SQLite has one writer); readers and sockets don't.
import { performance } from "node:perf_hooks";

export function eventLoopTurns(budgetMs = 5): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
