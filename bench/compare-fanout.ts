// Fan-out, measured the same way for either design (bench/targets.ts): N raw-WebSocket subscribers,
// then webhooks one at a time (latency = arrival − just before the POST), then a burst posted back
// to back (deliveries per second). Every (webhook, subscriber) pair is counted, so loss and
// duplicates show; the server's memory (all its processes, for a cluster) is read before and after
// the subscribers connect.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sleep, waitFor } from "../testing/wait";
import { textMessage } from "../testing/webhook";
import { DeliveryLedger } from "./delivery-ledger";
import { openRawClients } from "./load/raw-clients";
import { startCpuMeter, summarize, type Summary } from "./stats";
import { targetRssKb, type BenchTarget, type TargetName } from "./targets";

export interface CompareFanoutOptions {
  subscriptions: number;
  subscriptionsPerSocket: number;
  webhooks: number;
  burst: number;
  batchSize: number;
  openTimeoutMs: number;
  /** Pause after a webhook has reached every subscriber (or timed out), before the next one. */
  pauseMs: number;
  perWebhookTimeoutMs: number;
  /** Each sending phase stops starting webhooks after this long; the figures cover those sent. */
  sendingTimeoutMs: number;
  /** How long the burst's deliveries (and any straggler) may take to arrive. */
  drainTimeoutMs: number;
}

export interface CompareFanoutResult {
  target: TargetName;
  subscriptions: number;
  sockets: number;
  /** Live subscriptions (Switchboard) or sockets (baseline) the server counted once all were open. */
  serverCount: number;
  openSeconds: number;
  rssBeforeKb: number;
  rssAfterKb: number;
  rssPerSubscriptionKb: number;
  webhooks: number;
  delivery: Summary;
  /**
   * The server's own time per fan-out in the one-at-a-time phase, as it times it: Switchboard from
   * the commit's events reaching its hub to the last frame written, the baseline its emit loop.
   */
  serverFanoutMs: number;
  /** From just before the POST to the first subscriber's arrival: the work before the fan-out. */
  firstSubscriber: Summary;
  lastSubscriber: Summary;
  webhookResponse: Summary;
  burst: { webhooks: number; deliveries: number; seconds: number; perSecond: number };
  expected: number;
  received: number;
  missing: number;
  duplicates: number;
  failedPosts: number;
  closes: number;
  /** The bytes of a text message's frame as the subscribers received it. */
  messageFrameBytes: number | null;
  /** CPU this (client) process used while sending, as a share of one core. */
  clientCpu: number;
  errors: string[];
}

export async function compareFanout(target: BenchTarget, options: CompareFanoutOptions): Promise<CompareFanoutResult> {
  const prefix = `bench-fanout-${randomBytes(4).toString("hex")}-`;
  // Only tRPC multiplexes subscriptions over a socket; Socket.IO's room gets one per socket.
  const perSocket = target.name === "baseline" ? 1 : Math.max(1, options.subscriptionsPerSocket);
  const sockets = Math.ceil(options.subscriptions / perSocket);
  const subscribers = sockets * perSocket;
  const { webhooks, burst } = options;
  const total = webhooks + burst; // webhook `index` ≥ webhooks belongs to the burst
  const sentAt = new Float64Array(total);
  const firstArrival = new Float64Array(total).fill(Infinity);
  const lastArrival = new Float64Array(total);
  const reached = new Uint32Array(total);
  const ledger = new DeliveryLedger(prefix, total, subscribers);
  const latencies = new Float64Array(webhooks * subscribers);
  let latencyCount = 0;

  const onEvent = (subscriber: number, body: string, at: number) => {
    const delivery = ledger.record(subscriber, body);
    if (!delivery?.first) return;
    const { index } = delivery;
    reached[index] = (reached[index] ?? 0) + 1;
    firstArrival[index] = Math.min(firstArrival[index] ?? Infinity, at);
    lastArrival[index] = Math.max(lastArrival[index] ?? 0, at);
    if (index < webhooks) latencies[latencyCount++] = at - (sentAt[index] ?? 0);
  };

  const rssBeforeKb = targetRssKb(target);
  const clients = await target.clients();
  const openStarted = performance.now();
  const pool = await openRawClients({ ...clients, sockets, subscriptionsPerSocket: perSocket, batchSize: options.batchSize, timeoutMs: options.openTimeoutMs, onEvent });
  const openSeconds = (performance.now() - openStarted) / 1000;
  const rssAfterKb = targetRssKb(target);

  try {
    const serverCount = await target.connected();
    await sleep(1000);
    const responses: number[] = [];
    let failedPosts = 0;
    const post = async (index: number) => {
      const payload = textMessage({ from: "15550170000", name: "Fan-out Bench", text: `${prefix}${index} hello` });
      sentAt[index] = performance.now();
      const { status, stored } = await target.post(payload).catch(() => ({ status: 0, stored: 0 }));
      if (index < webhooks) responses.push(performance.now() - (sentAt[index] ?? 0));
      if (status !== 200 || stored !== 1) failedPosts++;
    };

    const cpu = startCpuMeter();
    const fanoutBefore = await target.fanoutTotals();
    let sent = 0;
    for (const stopAt = Date.now() + options.sendingTimeoutMs; sent < webhooks && Date.now() < stopAt; sent++) {
      const index = sent;
      await post(index);
      await waitFor(() => reached[index] === subscribers, "", options.perWebhookTimeoutMs).catch(() => undefined);
      await sleep(options.pauseMs);
    }

    const fanoutAfter = await target.fanoutTotals();
    let burstSent = 0;
    const burstStarted = performance.now();
    for (const stopAt = Date.now() + options.sendingTimeoutMs; burstSent < burst && Date.now() < stopAt; burstSent++) await post(webhooks + burstSent);
    const burstReached = () => reached.subarray(webhooks, webhooks + burstSent).reduce((sum, count) => sum + count, 0);
    await waitFor(() => burstReached() === burstSent * subscribers, "", options.drainTimeoutMs).catch(() => undefined);
    const burstSeconds = (Math.max(...lastArrival.subarray(webhooks, webhooks + burstSent), burstStarted) - burstStarted) / 1000;
    const clientCpu = cpu();
    // Stragglers of the one-at-a-time phase, and any duplicate, arrive here.
    await waitFor(() => ledger.received >= (sent + burstSent) * subscribers, "", 2_000).catch(() => undefined);
    await sleep(500);

    const toFirst = Array.from(sentAt.subarray(0, sent), (start, index) => (firstArrival[index] ?? Infinity) - start).filter(Number.isFinite);
    const toLast = Array.from(sentAt.subarray(0, sent), (start, index) => (lastArrival[index] ?? 0) - start).filter((value) => value > 0);
    return {
      target: target.name,
      subscriptions: subscribers,
      sockets,
      serverCount,
      openSeconds,
      rssBeforeKb,
      rssAfterKb,
      rssPerSubscriptionKb: (rssAfterKb - rssBeforeKb) / subscribers,
      webhooks: sent,
      serverFanoutMs: (fanoutAfter.ms - fanoutBefore.ms) / Math.max(1, fanoutAfter.count - fanoutBefore.count),
      delivery: summarize(latencies.subarray(0, latencyCount)),
      firstSubscriber: summarize(toFirst),
      lastSubscriber: summarize(toLast),
      webhookResponse: summarize(responses),
      burst: { webhooks: burstSent, deliveries: burstReached(), seconds: burstSeconds, perSecond: burstReached() / Math.max(burstSeconds, 1e-3) },
      expected: (sent + burstSent) * subscribers,
      received: ledger.received,
      missing: ledger.missing(0, sent) + ledger.missing(webhooks, webhooks + burstSent),
      duplicates: ledger.duplicates(),
      failedPosts,
      closes: pool.closes(),
      messageFrameBytes: pool.messageFrameBytes(),
      clientCpu,
      errors: pool.errors(),
    };
  } finally {
    await pool.close();
  }
}
