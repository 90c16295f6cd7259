import type { TAppEvent } from "@/shared/events";
import type { TBusSignal } from "@/shared/presence";

/** An event as it travels on the bus: the stored event with what is needed to decide who sees it. */
export interface BusEvent {
  id: number;
  /** Null for an event about a user rather than an inbox. */
  inboxId: string | null;
  conversationId: string | null;
  /** When set, only this user may see the event. */
  userId: string | null;
  /** Every signed-in user may see the event (then it has no inbox and no user). */
  team: boolean;
  event: TAppEvent;
}

/** An ephemeral signal (typing, presence heartbeat): plain JSON, never stored, never replayed. */
export type BusSignal = TBusSignal;

export interface EventBus {
  /** Publishes events that are already committed to the log. */
  publish(events: readonly BusEvent[]): void;
  /**
   * Calls `listener` synchronously with every batch published from now on, until the returned
   * function is called. In a running server, through ../live/committed-feed.ts (the fan-out hub,
   * the auto-assigner, the media prefetch, the search index's scheduler).
   */
  listen(listener: (events: readonly BusEvent[]) => void): () => void;
  /** Every event published from now until `signal` aborts (for tests and tools). */
  subscribe(signal: AbortSignal): AsyncIterable<BusEvent>;
  /**
   * The second, ephemeral channel: delivered to whoever listens now, at most once, and lost when
   * nobody does. Kept apart from the events so a signal can never take an event's place in the log.
   */
  publishSignal(signal: BusSignal): void;
  /** Every signal published from now until `abort` aborts. */
  subscribeSignals(abort: AbortSignal): AsyncIterable<BusSignal>;
  healthy(): boolean;
  /**
   * Whether this process is the first to ask for `key` (within `ttlSeconds`), so that work every
   * process hears of is done by one. Best effort: when the bus cannot tell (Redis down), the answer
   * is yes, and the work may be done twice; use it only where that is harmless.
   */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /**
   * True when every event committed by any process reaches this process's listeners, in log order
   * (the in-process bus). The fan-out hub then knows that nothing after the newest event it has seen
   * is in the log yet, and a subscriber already caught up to it needs no replay. A bus that can
   * drop events (Redis while it is down) says false.
   */
  readonly complete: boolean;
}
