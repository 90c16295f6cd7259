// The webhook's deliveries on SQLite, committed in groups on the store thread: deliveries that
// arrive while a group is being written wait for the next one, which takes them all. Each is
// answered after the commit that holds it, and its events are published then, here on the main
// thread (the fan-out hub listens to the bus). On PostgreSQL each delivery is its own transaction
// on the hot paths' pool instead (../ingest.ts).
import { bus } from "../../bus";
import { directWriter } from "../../db/direct-writer";
import { writeLock } from "../../db/write-lock";
import type { DeliveryChanges, IngestResult } from "../apply-delivery";
import { storeThread } from "./client";
import { commitDeliveries } from "./commit-group";

interface Pending {
  delivery: DeliveryChanges;
  resolve(result: IngestResult): void;
  reject(error: unknown): void;
}

/** A bound on one group, so a flood of deliveries still commits (and is answered) in steps. */
const MAX_GROUP = 64;

const onStoreThread = (deliveries: DeliveryChanges[]) => storeThread().commit(deliveries);
const onThisThread = (deliveries: DeliveryChanges[]) => commitDeliveries(directWriter(), deliveries);
let commit = onStoreThread;

/**
 * Where groups commit: the store thread, or this thread's own connection — only for
 * `npm run bench:store`, which times each statement here and compares the two. Never in a server.
 */
export function commitOn(place: "store thread" | "this thread"): void {
  commit = place === "store thread" ? onStoreThread : onThisThread;
}

/** Starts the store thread now rather than on the first delivery (loading its code takes a moment). */
export function startStoreThread(): void {
  storeThread();
}

let queue: Pending[] = [];
let flushing = false;
let scheduled = false;

async function commitGroup(group: Pending[]): Promise<void> {
  // Held while the store thread writes: Prisma's writer on this thread must never wait for that
  // lock inside SQLite, where its busy timeout would put the whole event loop to sleep
  // (../../db/write-lock.ts).
  const outcomes = await writeLock().runExclusive(() => commit(group.map((pending) => pending.delivery)));
  outcomes.forEach((outcome, index) => {
    const pending = group[index]!;
    if (outcome.ok) {
      bus().publish(outcome.recorded);
      pending.resolve(outcome.result);
    } else pending.reject(new Error(outcome.error));
  });
}

async function flush(): Promise<void> {
  scheduled = false;
  flushing = true;
  try {
    while (queue.length > 0) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(group.length);
      await commitGroup(group).catch((error: unknown) => group.forEach((pending) => pending.reject(error)));
    }
  } finally {
    flushing = false;
  }
}

/** Stores one delivery, possibly together with others; resolves once committed and its events published. */
export function storeDelivery(delivery: DeliveryChanges): Promise<IngestResult> {
  return new Promise<IngestResult>((resolve, reject) => {
    queue.push({ delivery, resolve, reject });
    if (flushing || scheduled) return;
    // One turn of the event loop: deliveries whose bodies arrived in the same turn join this group.
    scheduled = true;
    setImmediate(() => void flush());
  });
}
