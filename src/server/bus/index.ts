// The process's event bus, on globalThis so the webhook route (compiled by Next) and the WebSocket
// subscriptions (loaded by ws-server.ts) share it.
import { createMemoryBus } from "./memory";
import type { EventBus } from "./types";

const globalForBus = globalThis as typeof globalThis & { __switchboardBus?: EventBus };

export function bus(): EventBus {
  globalForBus.__switchboardBus ??= createMemoryBus();
  return globalForBus.__switchboardBus;
}

export type { BusEvent, BusSignal, EventBus } from "./types";
