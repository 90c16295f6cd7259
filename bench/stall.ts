// No stalls: one delivery of many messages (WhatsApp batches up to 1,000 per delivery) stored while
// a health probe asks every 10 ms. The longest probe answer is how long the process could not
// answer anything else; the delivery's own answer time is printed beside it. With watchers, that
// many dashboards are subscribed and the window runs until each has every message: the fan-out of
// the whole delivery is on the same thread as the probe's answers.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { RunningServer } from "../testing/server";
import { newWamid, postWebhook, textMessage } from "../testing/webhook";
import { inboundTextDelivery } from "../src/server/demo/webhook-payloads";
import { sleep, waitFor } from "../testing/wait";
import { DeliveryLedger } from "./delivery-ledger";
import { openRawClients, type RawClientPool } from "./load/raw-clients";
import { longestLoopDelayMs } from "./server-metrics";
import { summarize, type Summary } from "./stats";

export interface StallOptions {
  messages: number;
  /** Dashboards subscribed while the delivery is stored (0: none). */
  watchers: number;
  /** A session that may see the delivery's inbox (for the watchers). */
  cookie: string;
}

export interface StallResult {
  messages: number;
  watchers: number;
  bodyBytes: number;
  deliveryMs: number;
  stored: number;
  /** From the POST to the last watcher's last message (0 without watchers). */
  allWatchersMs: number;
  /** (message, watcher) pairs that never arrived. */
  missing: number;
  probes: Summary;
  /** The longest gap between two probe answers while the delivery was being stored and fanned out. */
  longestGapMs: number;
  /**
   * The server's own longest event-loop delay in that time. With watchers the probe's gaps also
   * hold this process's work of reading every frame; this figure is the server's alone.
   */
  serverLoopDelayMs: number;
}

const PROBE_EVERY_MS = 10;
const WATCHERS_TIMEOUT_MS = 60_000;

async function openWatchers(server: RunningServer, options: StallOptions, ledger: DeliveryLedger, arrived: { last: number }): Promise<RawClientPool | null> {
  if (options.watchers === 0) return null;
  return openRawClients({
    protocol: "trpc",
    baseUrl: server.url,
    cookie: options.cookie,
    sockets: options.watchers,
    batchSize: 100,
    timeoutMs: 30_000 + options.watchers * 5,
    onEvent: (watcher, body, at) => {
      if (ledger.record(watcher, body)?.first) arrived.last = Math.max(arrived.last, at);
    },
  });
}

export async function runStall(server: RunningServer, options: StallOptions): Promise<StallResult> {
  const { messages, watchers } = options;
  // Warm the route and the database first, so the figures are about the delivery.
  await postWebhook(server.url, server.appSecret, textMessage({ text: "warm-up" }));
  const prefix = `stall-${randomBytes(4).toString("hex")}-`;
  const ledger = new DeliveryLedger(prefix, messages, Math.max(1, watchers));
  const arrived = { last: 0 };
  const pool = await openWatchers(server, options, ledger, arrived);
  const delivery = inboundTextDelivery({
    phoneNumberId: "200000000000002",
    from: "15550190000",
    name: "Stall Bench",
    messages: Array.from({ length: messages }, (_, index) => ({ text: `${prefix}${index}`, wamid: newWamid() })),
  });
  const probes: number[] = [];
  const answeredAt: number[] = [];
  let probing = true;
  const prober = (async () => {
    for (let round = 0; probing && round < 30_000; round++) {
      const started = performance.now();
      await fetch(`${server.url}/api/health`).then((response) => response.arrayBuffer());
      const now = performance.now();
      probes.push(now - started);
      answeredAt.push(now);
      await sleep(Math.max(0, PROBE_EVERY_MS - (now - started)));
    }
  })();
  // What the run measured; the probe's gaps are read once it has stopped (below).
  let run: Omit<StallResult, "messages" | "watchers" | "bodyBytes" | "probes" | "longestGapMs">;
  let started: number;
  try {
    await sleep(50);
    await longestLoopDelayMs(server.url); // starts the server's count afresh
    started = performance.now();
    const response = await postWebhook(server.url, server.appSecret, delivery);
    const deliveryMs = performance.now() - started;
    const body = (await response.json()) as { messagesStored?: number };
    if (pool) await waitFor(() => ledger.firstSeen >= messages * watchers, "", WATCHERS_TIMEOUT_MS).catch(() => undefined);
    const allWatchersMs = pool ? arrived.last - started : 0;
    await sleep(200);
    run = {
      deliveryMs,
      stored: body.messagesStored ?? 0,
      allWatchersMs,
      missing: messages * watchers - ledger.firstSeen,
      serverLoopDelayMs: await longestLoopDelayMs(server.url),
    };
  } finally {
    probing = false;
    await prober;
    await pool?.close();
  }
  const windowEnd = started + Math.max(run.deliveryMs, run.allWatchersMs) + 200;
  const during = answeredAt.filter((at) => at >= started && at <= windowEnd);
  const gaps = during.slice(1).map((at, index) => at - during[index]!);
  return {
    messages,
    watchers,
    bodyBytes: Buffer.byteLength(JSON.stringify(delivery)),
    ...run,
    probes: summarize(probes),
    longestGapMs: Math.max(0, ...gaps, during.length === 0 ? run.deliveryMs : 0),
  };
}
