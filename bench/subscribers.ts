// Opens many live subscriptions, each over its own WebSocket with the real tRPC client, in batches so
// the server is not flooded with upgrades, and reports every event with its arrival time.
import { performance } from "node:perf_hooks";
import { connect, latestEventId } from "../testing/trpc";
import type { TWireEvent } from "../src/shared/event-wire";

export type OnEvent = (subscriber: number, event: TWireEvent, receivedAt: number) => void;

export interface SubscriberPool {
  count: number;
  /** Socket closes seen by the clients (each one is followed by a reconnect). */
  closes(): number;
  errors(): string[];
  /** Unsubscribes and closes every socket. */
  close(): Promise<void>;
}

export interface OpenOptions {
  url: string;
  cookie: string;
  count: number;
  batchSize: number;
  onEvent: OnEvent;
  /** Upper bound for opening all of them. */
  timeoutMs: number;
}

export async function openSubscribers(options: OpenOptions): Promise<SubscriberPool> {
  const connections: ReturnType<typeof connect>[] = [];
  const unsubscribes: (() => void)[] = [];
  const errors: string[] = [];
  let closes = 0;
  let closing = false;
  const deadline = Date.now() + options.timeoutMs;
  // Every subscriber starts from the same point, so each sees every event sent after opening.
  const lastEventId = await latestEventId(options.url, options.cookie);

  const pool: SubscriberPool = {
    count: options.count,
    closes: () => closes,
    errors: () => errors,
    async close() {
      closing = true;
      for (const unsubscribe of unsubscribes) unsubscribe();
      await Promise.all(connections.map((connection) => connection.close()));
    },
  };

  const openOne = (index: number) =>
    new Promise<void>((resolve) => {
      const connection = connect(options.url, {
        cookie: options.cookie,
        onClose: () => {
          if (!closing) closes++;
        },
      });
      connections.push(connection);
      const subscription = connection.client.events.subscribe.subscribe(
        { lastEventId },
        {
          onStarted: () => resolve(),
          onData: (tracked) => options.onEvent(index, tracked.data, performance.now()),
          onError: (error) => {
            if (errors.length < 20) errors.push(`subscriber ${index}: ${error.message}`);
          },
        },
      );
      unsubscribes.push(() => subscription.unsubscribe());
    });

  try {
    for (let start = 0; start < options.count; start += options.batchSize) {
      const batch: Promise<void>[] = [];
      for (let index = start; index < Math.min(options.count, start + options.batchSize); index++) batch.push(openOne(index));
      const remaining = deadline - Date.now();
      const timedOut = await Promise.race([
        Promise.all(batch).then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), Math.max(0, remaining)).unref()),
      ]);
      if (timedOut) throw new Error(`only ${start} of ${options.count} subscriptions started in ${options.timeoutMs} ms`);
    }
  } catch (error) {
    await pool.close();
    throw error;
  }
  return pool;
}
