// WhatsApp's per-number pace across every worker at once: each send takes the next evenly spaced
// slot of its number from Redis, by Redis's own clock (one clock for all machines), in one atomic
// script. Within a process the SendRateLimiter's one-second rule still applies on top. While Redis
// cannot be reached, each process paces alone (the per-number rate then holds per process only;
// WhatsApp answers an excess with a rate-limit error, which the worker retries later).
import { createClient } from "redis";
import { logger } from "../logger";
import { SendRateLimiter } from "./rate-limit";

// Microseconds as whole numbers, formatted with %.0f: Lua's tostring would round them.
const NEXT_SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextSlot)
redis.call('SET', KEYS[1], string.format('%.0f', slot + interval), 'PX', 60000)
return math.ceil((slot - now) / 1000)
`;

export interface Pace {
  acquire(phoneNumberId: string): Promise<void>;
  close(): Promise<void>;
}

export function createSharedPace(options: { url: string; prefix: string; perSecond: number }): Pace & { connected: Promise<void> } {
  const local = new SendRateLimiter(options.perSecond);
  const intervalMicros = Math.floor(1_000_000 / options.perSecond);
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000), connectTimeout: 5_000 },
  });
  client.on("error", (error: unknown) => logger.warn("redis (send pace) connection error", { error: String(error) }));
  const connected = client.connect().then(
    () => undefined,
    () => undefined,
  );

  return {
    connected,
    async acquire(phoneNumberId) {
      if (client.isReady) {
        try {
          const waitMs = Number(await client.eval(NEXT_SLOT, { keys: [`${options.prefix}:pace:${phoneNumberId}`], arguments: [String(intervalMicros)] }));
          if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
          await local.holdWindow(phoneNumberId);
          return;
        } catch (error) {
          logger.warn("shared send pace unavailable; pacing in this process alone", { error: String(error) });
        }
      }
      await local.acquire(phoneNumberId);
    },
    async close() {
      client.destroy();
    },
  };
}

/** The pace of one process alone (SQLite, or no Redis). */
export function createLocalPace(perSecond: number): Pace {
  const local = new SendRateLimiter(perSecond);
  return { acquire: (phoneNumberId) => local.acquire(phoneNumberId), close: async () => undefined };
}
