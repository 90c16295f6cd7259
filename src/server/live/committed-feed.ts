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

/** Calls `listener` with every event committed from now on, until the returned function is called. */
export function listenToCommittedEvents(listener: CommittedListener): () => void {
  if (bus().complete && db().provider === "sqlite") return bus().listen(listener);
  return tailTheLog(listener);
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
