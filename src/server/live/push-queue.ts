// A queue filled synchronously by producers and drained by one async generator: how a push-style
// source (the bus, the fan-out hub, the presence tracker) becomes an async iterable. The one
// implementation for the in-process bus, the HTTP event stream and the presence stream.
export interface PushQueue<T> {
  push(item: T): void;
  /** No more items; with an error, the drain throws it after the items already queued. */
  end(error?: unknown): void;
  drain(): AsyncGenerator<T>;
  size(): number;
}

/** `onDone` runs once the drain ends, however it ends (aborted, ended, or its consumer left). */
export function createPushQueue<T>(abort: AbortSignal, onDone?: () => void): PushQueue<T> {
  // A ring of two arrays: shift() on a long array is O(n); swapping halves keeps a drain O(1).
  let items: T[] = [];
  let next = 0;
  let ended = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const poke = () => wake?.();
  abort.addEventListener("abort", poke, { once: true });

  const take = (): T | undefined => {
    if (next >= items.length) return undefined;
    const item = items[next++];
    if (next > 1024 && next * 2 > items.length) {
      items = items.slice(next);
      next = 0;
    }
    return item;
  };

  return {
    push(item) {
      if (ended || abort.aborted) return;
      items.push(item);
      poke();
    },
    end(error) {
      ended = true;
      if (error !== undefined) failure = { error };
      poke();
    },
    async *drain() {
      try {
        while (!abort.aborted) {
          if (next < items.length) {
            yield take() as T;
            continue;
          }
          if (failure) throw failure.error;
          if (ended) return;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
      } finally {
        abort.removeEventListener("abort", poke);
        onDone?.();
      }
    },
    size: () => items.length - next,
  };
}
