// Sustained throughput: a few live subscribers, then webhooks posted by `concurrency` workers for a
// bounded time (and at most `maxMessages`), each a new wamid from one of `contacts` senders, so
// conversations are created and then updated. Counts what was stored and what was fanned out.
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import type { RunningServer } from "../testing/server";
import { waitFor } from "../testing/wait";
import { postWebhook, textMessage } from "../testing/webhook";
import { startCpuMeter, summarize, type Summary } from "./stats";
import { openSubscribers } from "./subscribers";

export interface ThroughputOptions {
  subscribers: number;
  concurrency: number;
  durationMs: number;
  maxMessages: number;
  contacts: number;
  /** How long the subscribers may take to catch up after the last POST. */
  drainTimeoutMs: number;
}

export interface ThroughputResult {
  subscribers: number;
  concurrency: number;
  contacts: number;
  posted: number;
  stored: number;
  failedPosts: number;
  postSeconds: number;
  storedPerSecond: number;
  webhookResponse: Summary;
  eventsExpected: number;
  eventsReceived: number;
  fanoutSeconds: number;
  fannedOutPerSecond: number;
  missing: number;
  duplicates: number;
  /** CPU used by this (client) process while posting, as a share of one core. */
  clientCpu: number;
  reconnects: number;
  errors: string[];
}

export async function runThroughput(server: RunningServer, cookie: string, options: ThroughputOptions): Promise<ThroughputResult> {
  const run = randomBytes(4).toString("hex");
  const marker = new RegExp(`^bench-tp-${run}-(\\d+)$`);
  const { maxMessages } = options;
  const stored = new Uint8Array(maxMessages);
  const seen = Array.from({ length: options.subscribers }, () => new Uint8Array(maxMessages));
  const perSubscriber = new Uint32Array(options.subscribers);
  let eventsReceived = 0;
  let lastEventAt = 0;

  await warmUp(server);
  const pool = await openSubscribers({
    url: server.url,
    cookie,
    count: options.subscribers,
    batchSize: options.subscribers,
    timeoutMs: 30_000,
    onEvent: (subscriber, event, at) => {
      if (event.type !== "message.created") return;
      const index = Number(marker.exec(event.message.body ?? "")?.[1] ?? -1);
      const flags = seen[subscriber];
      if (index < 0 || index >= maxMessages || !flags) return;
      eventsReceived++;
      lastEventAt = at;
      flags[index] = Math.min(255, (flags[index] ?? 0) + 1);
      if (flags[index] === 1) perSubscriber[subscriber] = (perSubscriber[subscriber] ?? 0) + 1;
    },
  });

  try {
    const responses: number[] = [];
    let next = 0;
    let storedCount = 0;
    let failedPosts = 0;
    const cpu = startCpuMeter();
    const started = performance.now();
    const deadline = started + options.durationMs;

    const worker = async () => {
      while (performance.now() < deadline && next < maxMessages) {
        const index = next++;
        const contact = index % options.contacts;
        const payload = textMessage({
          from: String(15550200000 + contact),
          name: `Bench Contact ${contact}`,
          text: `bench-tp-${run}-${index}`,
          wamid: `wamid.BENCH${run.toUpperCase()}${String(index).padStart(6, "0")}`,
        });
        const sent = performance.now();
        try {
          const response = await postWebhook(server.url, server.appSecret, payload);
          const body = (await response.json()) as { messagesStored?: number };
          responses.push(performance.now() - sent);
          if (response.status === 200 && body.messagesStored === 1) {
            stored[index] = 1;
            storedCount++;
          } else failedPosts++;
        } catch {
          failedPosts++;
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const postSeconds = (performance.now() - started) / 1000;
    const clientCpu = cpu();

    const caughtUp = () => Array.from(perSubscriber).every((count) => count >= storedCount);
    await waitFor(caughtUp, "", options.drainTimeoutMs).catch(() => undefined);
    const fanoutSeconds = ((lastEventAt || performance.now()) - started) / 1000;

    let missing = 0;
    let duplicates = 0;
    for (const flags of seen) {
      for (let index = 0; index < next; index++) {
        const count = flags[index] ?? 0;
        if (stored[index] && count === 0) missing++;
        duplicates += Math.max(0, count - 1);
      }
    }
    return {
      subscribers: options.subscribers,
      concurrency: options.concurrency,
      contacts: options.contacts,
      posted: next,
      stored: storedCount,
      failedPosts,
      postSeconds,
      storedPerSecond: storedCount / postSeconds,
      webhookResponse: summarize(responses),
      eventsExpected: storedCount * options.subscribers,
      eventsReceived,
      fanoutSeconds,
      fannedOutPerSecond: eventsReceived / fanoutSeconds,
      missing,
      duplicates,
      clientCpu,
      reconnects: pool.closes(),
      errors: pool.errors(),
    };
  } finally {
    await pool.close();
  }
}

/** A fresh server loads the webhook route on its first request; keep that out of the timing. */
async function warmUp(server: RunningServer) {
  for (let index = 0; index < 20; index++) {
    const response = await postWebhook(server.url, server.appSecret, textMessage({ from: "15550199999", text: `bench-warmup-${index}` }));
    await response.arrayBuffer();
  }
}
