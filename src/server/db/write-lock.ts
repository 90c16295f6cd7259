// SQLite has one writer. Prisma's transactions and the direct connection of the webhook's hot path
// are two connections to one file: if one waited for the other's lock inside SQLite, its busy
// timeout would sleep the whole (single-threaded) process while holding up the very transaction
// it waits for. So every write transaction in this process takes this lock first.
import { Mutex } from "async-mutex";

const globalForLock = globalThis as typeof globalThis & { __switchboardWriteLock?: Mutex };

export function writeLock(): Mutex {
  globalForLock.__switchboardWriteLock ??= new Mutex();
  return globalForLock.__switchboardWriteLock;
}
