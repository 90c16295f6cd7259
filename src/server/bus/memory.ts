// The in-process bus: listeners are called synchronously on publish. The fan-out hub is the one
// listener on the event channel in a running server; async iteration (tests, the presence tracker)
// goes through a queue of its own, so a slow consumer never holds up the publisher.
// Events and ephemeral signals are two channels of the same kind.
import { createPushQueue } from "../live/push-queue";
import type { BusEvent, BusSignal, EventBus } from "./types";

type Listener<T> = (items: readonly T[]) => void;

export function createChannel<T>() {
  const listeners = new Set<Listener<T>>();

  const listen = (listener: Listener<T>) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };

  return {
    publish(items: readonly T[]) {
      if (items.length === 0) return;
      for (const listener of listeners) listener(items);
    },
    listen,
    subscribe(signal: AbortSignal): AsyncIterable<T> {
      let stop = () => {};
      const queue = createPushQueue<T>(signal, () => stop());
      stop = listen((items) => items.forEach((item) => queue.push(item)));
      signal.addEventListener("abort", stop, { once: true });
      return { [Symbol.asyncIterator]: () => queue.drain() };
    },
  };
}

export function createMemoryBus(): EventBus {
  const events = createChannel<BusEvent>();
  const signals = createChannel<BusSignal>();

  return {
    publish: (items) => events.publish(items),
    listen: (listener) => events.listen(listener),
    subscribe: (signal) => events.subscribe(signal),
    publishSignal: (signal) => signals.publish([signal]),
    subscribeSignals: (abort) => signals.subscribe(abort),
    healthy: () => true,
    // One process hears of everything alone.
    claim: () => Promise.resolve(true),
    complete: true,
  };
}
