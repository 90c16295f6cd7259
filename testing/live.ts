// Collects what a live subscription delivers, for assertions: expanded, as the dashboard reads it.
import { expandTrackedEvent } from "../src/shared/event-wire";
import type { TLoggedEvent } from "../src/shared/events";
import type { connect } from "./trpc";
import { waitFor } from "./wait";

export function collectEvents(connection: ReturnType<typeof connect>, lastEventId: string | null) {
  const events: TLoggedEvent[] = [];
  let started = false;
  const errors: unknown[] = [];
  const subscription = connection.client.events.subscribe.subscribe(
    { lastEventId },
    {
      onStarted: () => (started = true),
      onData: (tracked) => events.push(expandTrackedEvent(tracked)),
      onError: (error) => errors.push(error),
    },
  );
  return {
    events,
    errors,
    unsubscribe: () => subscription.unsubscribe(),
    started: () => waitFor(() => started, "subscription started"),
    waitForCount: (count: number, timeoutMs?: number) =>
      waitFor(() => events.length >= count, `${count} events (have ${events.length})`, timeoutMs),
  };
}

/** Subscribes from the newest event, once the subscription has started: sees everything after. */
export async function collectFromNow(connection: ReturnType<typeof connect>) {
  const { lastEventId } = await connection.client.events.cursor.query();
  const collected = collectEvents(connection, lastEventId);
  await collected.started();
  return collected;
}
