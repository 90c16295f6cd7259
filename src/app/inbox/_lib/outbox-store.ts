// The outbox queues of this browser, kept in localStorage so that a reload, a crash or a closed
// laptop does not lose a reply that was written but not yet accepted by the server. One store per
// tab; other tabs' changes arrive through the `storage` event. Shaped for useSyncExternalStore:
// `read` returns the same array until that queue changes.
//
// If localStorage is unavailable (disabled, or full) the queue still works for this tab, in
// memory: losing persistence is better than losing the ability to send.
import { isOutboxKey, parseQueue, serializeQueue, userStoragePrefix, type OutboxQueue } from "./outbox-queue";

type Listener = () => void;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // Access itself can throw (blocked third-party storage).
  }
}

class OutboxStore {
  private readonly queues = new Map<string, OutboxQueue>();
  /** Queues whose last write did not reach storage: memory holds the only current copy. */
  private readonly memoryOnly = new Set<string>();
  private readonly listeners = new Set<Listener>();
  private revision = 0;
  /** Whether this tab's last attempt to reach the server failed for want of a connection. */
  private unreachable = false;

  read(key: string): OutboxQueue {
    const cached = this.queues.get(key);
    if (cached) return cached;
    const queue = parseQueue(this.readRaw(key) ?? null);
    this.queues.set(key, queue);
    return queue;
  }

  /** Applies `change` to the newest stored copy (another tab may have written since we read). */
  update(key: string, change: (queue: OutboxQueue) => OutboxQueue): void {
    const stored = this.memoryOnly.has(key) ? undefined : this.readRaw(key);
    const current = stored === undefined ? this.read(key) : parseQueue(stored);
    const next = change(current);
    if (next === current) return;
    this.queues.set(key, next);
    this.writeRaw(key, serializeQueue(next));
    this.changed();
  }

  /** The keys of every conversation that has replies queued by this user. */
  keysFor(userKey: string): string[] {
    const prefix = userStoragePrefix(userKey);
    const keys = new Set<string>();
    const store = storage();
    if (store) {
      for (let index = 0; index < store.length; index++) {
        const key = store.key(index);
        if (key?.startsWith(prefix)) keys.add(key);
      }
    }
    // Queues that only live in memory (storage unavailable) count too.
    for (const [key, queue] of this.queues) if (key.startsWith(prefix) && queue.length > 0) keys.add(key);
    return [...keys].sort();
  }

  isUnreachable = (): boolean => this.unreachable;

  setUnreachable(value: boolean): void {
    if (this.unreachable === value) return;
    this.unreachable = value;
    this.changed();
  }

  /** Changes with every write in this tab or another: a cheap snapshot for "something changed". */
  getRevision = (): number => this.revision;

  subscribe = (listener: Listener): (() => void) => {
    if (this.listeners.size === 0) window.addEventListener("storage", this.onStorage);
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) window.removeEventListener("storage", this.onStorage);
    };
  };

  private readonly onStorage = (event: StorageEvent) => {
    // key is null when another tab cleared the whole storage.
    if (event.key !== null && !isOutboxKey(event.key)) return;
    for (const key of event.key === null ? [...this.queues.keys()] : [event.key]) {
      if (!this.memoryOnly.has(key)) this.queues.delete(key);
    }
    this.changed();
  };

  private changed(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }

  /** The stored text; undefined when storage cannot be read at all. */
  private readRaw(key: string): string | null | undefined {
    try {
      const store = storage();
      return store ? store.getItem(key) : undefined;
    } catch {
      return undefined;
    }
  }

  private writeRaw(key: string, value: string | null): void {
    try {
      const store = storage();
      if (!store) throw new Error("no storage");
      if (value === null) store.removeItem(key);
      else store.setItem(key, value);
      this.memoryOnly.delete(key);
    } catch {
      // Quota exceeded or storage disabled: the in-memory copy serves this tab.
      this.memoryOnly.add(key);
    }
  }
}

export const outboxStore = new OutboxStore();
