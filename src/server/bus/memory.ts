// The in-process bus: each subscription has its own queue, filled synchronously on publish and
// drained by its consumer, so a slow socket never holds up the publisher or the other subscribers.
// Events and ephemeral signals are two channels of the same kind.
import type { BusEvent, BusSignal, EventBus } from "./types";

interface Channel<T> {
  publish(items: readonly T[]): void;
  subscribe(signal: AbortSignal): AsyncIterable<T>;
  size(): number;
}

function createChannel<T>(): Channel<T> {
  type Listener = (items: readonly T[]) => void;
  const listeners = new Set<Listener>();

  return {
    publish(items) {
      if (items.length === 0) return;
      for (const listener of listeners) listener(items);
    },

    subscribe(signal) {
      const queue: T[] = [];
      let wake: (() => void) | null = null;
      const listener: Listener = (items) => {
        queue.push(...items);
        wake?.();
      };
      const stop = () => {
        listeners.delete(listener);
        wake?.();
      };
      listeners.add(listener);
      signal.addEventListener("abort", stop, { once: true });

      return {
        async *[Symbol.asyncIterator]() {
          try {
            while (!signal.aborted) {
              const next = queue.shift();
              if (next !== undefined) {
                yield next;
                continue;
              }
              await new Promise<void>((resolve) => (wake = resolve));
              wake = null;
            }
          } finally {
            stop();
          }
        },
      };
    },

    size: () => listeners.size,
  };
}

export function createMemoryBus(): EventBus {
  const events = createChannel<BusEvent>();
  const signals = createChannel<BusSignal>();

  return {
    publish: (items) => events.publish(items),
    subscribe: (signal) => events.subscribe(signal),
    publishSignal: (signal) => signals.publish([signal]),
    subscribeSignals: (abort) => signals.subscribe(abort),
    subscriberCount: () => events.size(),
    healthy: () => true,
  };
}
