// The process's event bus, on globalThis so the webhook route (compiled by Next) and the WebSocket
// subscriptions (loaded by ws-server.ts) share it: in-process, or Redis when REDIS_URL is set.
import { env } from "../env";
import { createMemoryBus } from "./memory";
import { createRedisBus } from "./redis";
import type { EventBus } from "./types";

type ClosableBus = EventBus & { close?(): Promise<void> };

const globalForBus = globalThis as typeof globalThis & { __switchboardBus?: ClosableBus };

export function bus(): EventBus {
  if (!globalForBus.__switchboardBus) {
    const { REDIS_URL, REDIS_PREFIX } = env();
    globalForBus.__switchboardBus = REDIS_URL ? createRedisBus({ url: REDIS_URL, prefix: REDIS_PREFIX }) : createMemoryBus();
  }
  return globalForBus.__switchboardBus;
}

export async function closeBus(): Promise<void> {
  const current = globalForBus.__switchboardBus;
  globalForBus.__switchboardBus = undefined;
  await current?.close?.();
}

export type { BusEvent, BusSignal, EventBus } from "./types";
