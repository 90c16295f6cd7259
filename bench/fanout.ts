// Fan-out latency: N live subscribers, then webhooks one at a time. For every (webhook, subscriber)
// delivery, latency = arrival time in this process − the time just before the webhook POST.
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import type { RunningServer } from "../testing/server";
import { sleep, waitFor } from "../testing/wait";
import { postWebhook, textMessage } from "../testing/webhook";
import { startCpuMeter, summarize, type Summary } from "./stats";
import { openSubscribers } from "./subscribers";
import { liveSubscriptions } from "./server-metrics";

export interface FanoutOptions {
  subscribers: number;
  webhooks: number;
  batchSize: number;
  /** Pause after a webhook has reached every subscriber (or timed out), before the next one. */
  pauseMs: number;
  /** How long one webhook may take to reach every subscriber. */
  perWebhookTimeoutMs: number;
  /** No webhook is sent after this long; the figures then cover those that were. */
  sendingTimeoutMs: number;
}

export interface FanoutResult {
  subscribers: number;
  serverSubscriptions: number;
  webhooks: number;
  openSeconds: number;
  delivery: Summary;
  lastSubscriber: { p50: number; p99: number; max: number };
  webhookResponse: Summary;
  expected: number;
  received: number;
  missing: number;
  duplicates: number;
  failedPosts: number;
  /** CPU used by this (client) process while sending, as a share of one core. */
  clientCpu: number;
  reconnects: number;
  errors: string[];
}

export async function runFanout(server: RunningServer, cookie: string, options: FanoutOptions): Promise<FanoutResult> {
  const run = randomBytes(4).toString("hex");
  const marker = new RegExp(`^bench-fanout-${run}-(\\d+)\\b`);
  const { subscribers, webhooks } = options;
  const sentAt = new Float64Array(webhooks);
  const counts = new Uint8Array(webhooks * subscribers);
  const perWebhook = new Uint32Array(webhooks);
  const lastArrival = new Float64Array(webhooks);
  const latencies: number[] = [];
  let received = 0;


  const openStarted = performance.now();
  const pool = await openSubscribers({
    url: server.url,
    cookie,
    count: subscribers,
    batchSize: options.batchSize,
    timeoutMs: 90_000,
    onEvent: (subscriber, event, at) => {
      if (event.type !== "message.created") return;
      const index = Number(marker.exec(event.message.body ?? "")?.[1] ?? -1);
      if (index < 0 || index >= webhooks) return;
      received++;
      const cell = index * subscribers + subscriber;
      counts[cell] = Math.min(255, (counts[cell] ?? 0) + 1);
      if (counts[cell] !== 1) return;
      perWebhook[index] = (perWebhook[index] ?? 0) + 1;
      latencies.push(at - (sentAt[index] ?? 0));
      lastArrival[index] = Math.max(lastArrival[index] ?? 0, at);
    },
  });
  const openSeconds = (performance.now() - openStarted) / 1000;

  try {
    const serverSubscriptions = await liveSubscriptions(server.url);
    const responses: number[] = [];
    let failedPosts = 0;
    await sleep(500);
    const cpu = startCpuMeter();
    const stopSendingAt = Date.now() + options.sendingTimeoutMs;
    let sent = 0;
    for (let index = 0; index < webhooks && Date.now() < stopSendingAt; index++, sent++) {
      const payload = textMessage({ from: "15550170000", name: "Fan-out Bench", text: `bench-fanout-${run}-${index} hello` });
      sentAt[index] = performance.now();
      const response = await postWebhook(server.url, server.appSecret, payload);
      responses.push(performance.now() - (sentAt[index] ?? 0));
      const body = (await response.json()) as { messagesStored?: number };
      if (response.status !== 200 || body.messagesStored !== 1) failedPosts++;
      await waitFor(() => perWebhook[index] === subscribers, "", options.perWebhookTimeoutMs).catch(() => undefined);
      await sleep(options.pauseMs);
    }
    // Anything still in flight (and any duplicate) arrives here.
    await waitFor(() => received >= sent * subscribers, "", 10_000).catch(() => undefined);
    const clientCpu = cpu();
    await sleep(500);

    const toLast = Array.from(sentAt.subarray(0, sent), (start, index) => (lastArrival[index] ?? 0) - start).filter((value) => value > 0);
    const lastSummary = summarize(toLast);
    return {
      subscribers,
      serverSubscriptions,
      webhooks: sent,
      openSeconds,
      delivery: summarize(latencies),
      lastSubscriber: { p50: lastSummary.p50, p99: lastSummary.p99, max: lastSummary.max },
      webhookResponse: summarize(responses),
      expected: sent * subscribers,
      received,
      missing: counts.subarray(0, sent * subscribers).reduce((sum, count) => sum + (count === 0 ? 1 : 0), 0),
      duplicates: counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
      failedPosts,
      clientCpu,
      reconnects: pool.closes(),
      errors: pool.errors(),
    };
  } finally {
    await pool.close();
  }
}
