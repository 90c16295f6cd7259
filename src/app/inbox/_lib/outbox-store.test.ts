// The outbox store on top of localStorage: what one page wrote, the next page (a reload) reads;
// a full or missing storage still lets this tab queue and send.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { enqueue, removeReply, storageKey, type QueuedReply } from "./outbox-queue";

class MemoryStorage {
  private readonly items = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error("QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const reply = (id: string, conversationId = "c1"): QueuedReply => ({
  id,
  conversationId,
  body: `body ${id}`,
  createdAt: "2026-11-22T10:00:00.000Z",
  kind: "reply",
  rejectedReason: null,
});

let storage: MemoryStorage;

async function freshStore() {
  vi.resetModules(); // A new module instance is a new page: nothing cached in memory.
  return (await import("./outbox-store")).outboxStore;
}

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal("window", { localStorage: storage, addEventListener: () => undefined, removeEventListener: () => undefined });
});
afterEach(() => vi.unstubAllGlobals());

describe("the stored outbox", () => {
  it("survives a reload", async () => {
    const key = storageKey("agent@example.com", "c1");
    const before = await freshStore();
    before.update(key, (queue) => enqueue(enqueue(queue, reply("a")), reply("b")));

    const after = await freshStore();
    expect(after.read(key).map((item) => item.id)).toEqual(["a", "b"]);
    expect(after.keysFor("agent@example.com")).toEqual([key]);
    expect(after.keysFor("admin@example.com")).toEqual([]);
  });

  it("builds on what another tab stored since it last read", async () => {
    const key = storageKey("agent@example.com", "c1");
    const tabA = await freshStore();
    tabA.update(key, (queue) => enqueue(queue, reply("a")));
    expect(tabA.read(key)).toHaveLength(1);
    const tabB = await freshStore();
    tabB.update(key, (queue) => enqueue(queue, reply("b")));
    tabA.update(key, (queue) => enqueue(queue, reply("c")));
    expect(storage.getItem(key)).toContain('"b"');
    expect(tabA.read(key).map((item) => item.id)).toEqual(["a", "b", "c"]);
  });

  it("removes the key once the queue is empty", async () => {
    const key = storageKey("agent@example.com", "c1");
    const store = await freshStore();
    store.update(key, (queue) => enqueue(queue, reply("a")));
    store.update(key, (queue) => removeReply(queue, "a"));
    expect(storage.length).toBe(0);
    expect(store.keysFor("agent@example.com")).toEqual([]);
  });

  it("keeps queueing in memory when storage refuses writes", async () => {
    const key = storageKey("agent@example.com", "c1");
    const store = await freshStore();
    storage.failWrites = true;
    store.update(key, (queue) => enqueue(queue, reply("a")));
    store.update(key, (queue) => enqueue(queue, reply("b")));
    expect(store.read(key).map((item) => item.id)).toEqual(["a", "b"]);
    expect(store.keysFor("agent@example.com")).toEqual([key]);
  });

  it("tells its subscribers about every change", async () => {
    const key = storageKey("agent@example.com", "c1");
    const store = await freshStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const revision = store.getRevision();
    store.update(key, (queue) => enqueue(queue, reply("a")));
    store.update(key, (queue) => enqueue(queue, reply("a"))); // no change, no news
    store.setUnreachable(true);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getRevision()).toBe(revision + 2);
    unsubscribe();
  });
});
