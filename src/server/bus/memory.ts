// The in-process bus: each subscription has its own queue, filled synchronously on publish and
// drained by its consumer, so a slow socket never holds up the publisher or the other subscribers.
import type { BusEvent, EventBus } from "./types";

type Listener = (events: readonly BusEvent[]) => void;

export function createMemoryBus(): EventBus {
  const listeners = new Set<Listener>();

  return {
    publish(events) {
      if (events.length === 0) return;
      for (const listener of listeners) listener(events);
    },

    subscribe(signal) {
      const queue: BusEvent[] = [];
      let wake: (() => void) | null = null;
      const listener: Listener = (events) => {
        queue.push(...events);
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
              if (next) {
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

    subscriberCount: () => listeners.size,
    healthy: () => true,
  };
}
