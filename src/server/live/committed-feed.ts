// Where the fan-out hub gets committed events from, in log order, each once.
//
// With the in-process bus on SQLite, the bus itself: SQLite has one writer, events are published
// after their commit in commit order, and every writer is in this process.
//
// Otherwise (PostgreSQL, Redis) the bus only rings a doorbell, and the hub reads the log after the
// last event it saw: events from other processes, events whose message on Redis was lost while it
// was down, and concurrent local commits all arrive in log order, none skipped, none twice (the
// event log's lock makes the visible log a prefix; see events/log.ts). It also reads once a second
// without a ring, so a lost message or a Redis outage delays an event by a second at most.
import { bus, type BusEvent } from "../bus";
import { db } from "../db/client";
import { logger } from "../logger";
import { latestEventId, readEventsAfter } from "./replay";

const POLL_MS = 1_000;

export type CommittedListener = (events: readonly BusEvent[]) => void;

/**
 * One tail of the log per process, whoever listens (the fan-out hub, the auto-assigner, the media
 * prefetch): each read of the log after a ring serves them all. On globalThis, like the hub: Next's
 * route handlers are another module graph.
 */
interface SharedTail {
  listeners: Set<CommittedListener>;
  stop(): void;
}
const globalForFeed = globalThis as typeof globalThis & { __switchboardLogTail?: SharedTail };

/** Calls `listener` with every event committed from now on, until the returned function is called. */
export function listenToCommittedEvents(listener: CommittedListener): () => void {
  if (bus().complete && db().provider === "sqlite") return bus().listen(listener);
  const tail = (globalForFeed.__switchboardLogTail ??= startSharedTail());
  tail.listeners.add(listener);
  return () => {
    tail.listeners.delete(listener);
    if (tail.listeners.size > 0) return;
    tail.stop();
    if (globalForFeed.__switchboardLogTail === tail) globalForFeed.__switchboardLogTail = undefined;
  };
}

function startSharedTail(): SharedTail {
  const listeners = new Set<CommittedListener>();
  const stop = tailTheLog((events) => {
    for (const listener of listeners) {
      try {
        listener(events);
      } catch (error) {
        logger.error("a listener of committed events failed", { error: String(error) });
      }
    }
  });
  return { listeners, stop };
}

function tailTheLog(listener: CommittedListener): () => void {
  let cursor: number | null = null;
  let reading = false;
  let again = false;
  let stopped = false;

  async function readAll(): Promise<void> {
    cursor ??= await latestEventId();
    for (;;) {
      const batch = await readEventsAfter(cursor, () => true);
      if (stopped) return;
      cursor = batch.lastId;
      if (batch.events.length > 0) listener(batch.events);
      if (!batch.more) return;
    }
  }

  function ring(): void {
    if (stopped) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    void readAll()
      .catch((error: unknown) => logger.warn("reading the event log for live updates failed; retrying", { error: String(error) }))
      .finally(() => {
        reading = false;
        if (again) {
          again = false;
          ring();
        }
      });
  }

  const stopListening = bus().listen(() => ring());
  const timer = setInterval(ring, POLL_MS);
  timer.unref();
  ring();
  return () => {
    stopped = true;
    stopListening();
    clearInterval(timer);
  };
}
