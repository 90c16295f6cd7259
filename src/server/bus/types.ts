import type { TAppEvent } from "@/shared/events";

/** An event as it travels on the bus: the stored event with what is needed to decide who sees it. */
export interface BusEvent {
  id: number;
  /** Null for an event about a user rather than an inbox. */
  inboxId: string | null;
  conversationId: string | null;
  /** When set, only this user may see the event. */
  userId: string | null;
  event: TAppEvent;
}

export interface EventBus {
  /** Publishes events that are already committed to the log. */
  publish(events: readonly BusEvent[]): void;
  /** Every event published from now until `signal` aborts. */
  subscribe(signal: AbortSignal): AsyncIterable<BusEvent>;
  /** Number of live subscriptions, for metrics. */
  subscriberCount(): number;
  healthy(): boolean;
}
