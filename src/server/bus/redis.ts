// The bus between processes: Redis pub/sub, through node-redis (Redis's own maintained client,
// typed, reconnecting by itself and subscribing again after a reconnect).
//
// Redis is a bus, never the source of truth. Events are already in the log when they are
// published here, and each process's fan-out reads them back from the log in order (see
// live/committed-feed.ts): a message on Redis only says "there is more", so one that is lost
// while Redis is down costs latency, never an event. Signals (typing, presence) are ephemeral and
// simply lost while it is down.
//
// A process also hears its own messages back; each carries the sender's id so they are skipped
// (local listeners were told at once). The sender also checks that it hears itself: a subscriber
// connection that reconnected but is subscribed to nothing (a failure seen in other products) shows
// as unhealthy and is rebuilt.
import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { z } from "zod";
import { logger } from "../logger";
import { createChannel } from "./memory";
import type { BusEvent, BusSignal, EventBus } from "./types";
import { ZAppEvent } from "@/shared/events";
import { ZBusSignal } from "@/shared/presence";

/** How often a process checks that it hears its own pings, and how late one may be. */
const PING_EVERY_MS = 1_000;
const PING_DEADLINE_MS = 3_000;

// Everything from Redis is checked like any other input: another process may run another version.
const ZBusEvent = z.object({
  id: z.number().int(),
  inboxId: z.string().nullable(),
  conversationId: z.string().nullable(),
  userId: z.string().nullable(),
  // Absent from a process of an older version, whose events are never team-wide.
  team: z.boolean().default(false),
  event: ZAppEvent,
});
const ZMessage = z.object({ origin: z.string(), events: z.array(ZBusEvent).optional(), signal: ZBusSignal.optional() });

export interface RedisBusOptions {
  url: string;
  /** Channel names start with it: two deployments may share one Redis. */
  prefix: string;
}

type Client = ReturnType<typeof createClient>;

export type RedisBus = EventBus & { close(): Promise<void> };

/** Connects in the background (retrying until Redis answers); meanwhile the bus reports unhealthy. */
export function createRedisBus({ url, prefix }: RedisBusOptions): RedisBus {
  const origin = randomUUID();
  const events = createChannel<BusEvent>();
  const signals = createChannel<BusSignal>();
  const eventChannel = `${prefix}:events`;
  const signalChannel = `${prefix}:signals`;
  const pingChannel = `${prefix}:ping:${origin}`;
  let lastPingHeard = 0;
  let closed = false;


  const options = {
    url,
    // Fail a command at once while disconnected instead of queueing it without bound.
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000), connectTimeout: 5_000 },
  };
  const publisher: Client = createClient(options);
  let subscriber: Client = createClient(options);
  const onError = (role: string) => (error: unknown) => logger.warn("redis connection error", { role, error: String(error) });
  publisher.on("error", onError("publisher"));

  const onMessage = (raw: string) => {
    let message: z.infer<typeof ZMessage>;
    try {
      message = ZMessage.parse(JSON.parse(raw));
    } catch {
      logger.warn("unreadable message on the redis bus skipped");
      return;
    }
    if (message.origin === origin) return;
    // Other processes' events only ring the local fan-out's doorbell: it reads the log itself.
    if (message.events) events.publish(message.events);
    if (message.signal) signals.publish([message.signal]);
  };

  async function subscribe(client: Client): Promise<void> {
    client.on("error", onError("subscriber"));
    await client.connect();
    await client.subscribe([eventChannel, signalChannel], onMessage);
    await client.subscribe(pingChannel, () => (lastPingHeard = Date.now()));
    // Counted from now: a fresh subscription has not missed any ping yet.
    lastPingHeard = Date.now();
  }

  async function rebuildSubscriber(): Promise<void> {
    lastPingHeard = Date.now(); // one rebuild at a time
    logger.warn("redis bus: own pings not heard; subscribing again");
    const old = subscriber;
    subscriber = createClient(options);
    old.destroy();
    await subscribe(subscriber).catch((error: unknown) => logger.warn("redis bus: subscribing again failed", { error: String(error) }));
  }

  const send = (channel: string, body: string) => {
    if (!publisher.isReady) return;
    publisher.publish(channel, body).catch(() => undefined);
  };

  const healthy = () => !closed && publisher.isReady && subscriber.isReady && Date.now() - lastPingHeard < PING_DEADLINE_MS;

  void Promise.all([publisher.connect(), subscribe(subscriber)]).catch((error: unknown) =>
    logger.error("redis bus: could not connect", { error: String(error) }),
  );
  const pingTimer = setInterval(() => {
    if (publisher.isReady && subscriber.isReady && Date.now() - lastPingHeard > PING_DEADLINE_MS) void rebuildSubscriber();
    send(pingChannel, "1");
  }, PING_EVERY_MS);
  pingTimer.unref();

  return {
    complete: false,
    publish(items) {
      if (items.length === 0) return;
      events.publish(items);
      send(eventChannel, JSON.stringify({ origin, events: items }));
    },
    listen: (listener) => events.listen(listener),
    subscribe: (signal) => events.subscribe(signal),
    publishSignal(signal) {
      signals.publish([signal]);
      send(signalChannel, JSON.stringify({ origin, signal }));
    },
    subscribeSignals: (abort) => signals.subscribe(abort),
    healthy,
    async claim(key, ttlSeconds) {
      if (!publisher.isReady) return true;
      try {
        return (await publisher.set(`${prefix}:claim:${key}`, origin, { NX: true, EX: ttlSeconds })) === "OK";
      } catch {
        return true;
      }
    },
    async close() {
      closed = true;
      clearInterval(pingTimer);
      publisher.destroy();
      subscriber.destroy();
    },
  };
}
