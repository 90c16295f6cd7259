// Sustained ingest, measured the same way for either design (bench/targets.ts): `concurrency`
// senders post distinct messages (new wamids from `contacts` customers) for a bounded time and
// count, while a few raw-WebSocket subscribers check that every stored message reaches them once.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sleep, waitFor } from "../testing/wait";
import { textMessage } from "../testing/webhook";
import { DeliveryLedger } from "./delivery-ledger";
import { openRawClients } from "./load/raw-clients";
import { summarize, type Summary } from "./stats";
import type { BenchTarget, TargetName } from "./targets";

export interface CompareIngestOptions {
  subscribers: number;
  concurrency: number;
  durationMs: number;
  maxMessages: number;
  contacts: number;
  drainTimeoutMs: number;
  /** Paced: message i is posted no earlier than i / rate seconds after the start (else as fast as answered). */
  ratePerSecond?: number;
}

export interface CompareIngestResult {
  target: TargetName;
  subscribers: number;
  concurrency: number;
  posted: number;
  /** Answered 200 and stored exactly the one message it carried. */
  stored: number;
  failedPosts: number;
  seconds: number;
  storedPerSecond: number;
  response: Summary;
  eventsExpected: number;
  eventsReceived: number;
  missing: number;
  duplicates: number;
  closes: number;
  errors: string[];
}

export async function compareIngest(target: BenchTarget, options: CompareIngestOptions): Promise<CompareIngestResult> {
  const run = randomBytes(4).toString("hex");
  const prefix = `bench-ingest-${run}-`;
  const { maxMessages, subscribers } = options;
  const stored = new Uint8Array(maxMessages);
  const ledger = new DeliveryLedger(prefix, maxMessages, subscribers);

  const pool = await openRawClients({
    ...(await target.clients()),
    sockets: subscribers,
    batchSize: subscribers,
    timeoutMs: 30_000,
    onEvent: (subscriber, body) => void ledger.record(subscriber, body),
  });

  try {
    await sleep(500);
    const responses: number[] = [];
    let next = 0;
    let storedCount = 0;
    let failedPosts = 0;
    const started = performance.now();
    const deadline = started + options.durationMs;
    const sender = async () => {
      while (performance.now() < deadline && next < maxMessages) {
        const index = next++;
        if (options.ratePerSecond) await sleep(started + (index * 1000) / options.ratePerSecond - performance.now());
        const contact = index % options.contacts;
        const payload = textMessage({
          from: String(15550200000 + contact),
          name: `Bench Contact ${contact}`,
          text: `${prefix}${index}`,
          wamid: `wamid.BENCHIN${run.toUpperCase()}${String(index).padStart(6, "0")}`,
        });
        const sentAt = performance.now();
        const { status, stored: count } = await target.post(payload).catch(() => ({ status: 0, stored: 0 }));
        responses.push(performance.now() - sentAt);
        if (status === 200 && count === 1) {
          stored[index] = 1;
          storedCount++;
        } else failedPosts++;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, sender));
    const seconds = (performance.now() - started) / 1000;

    await waitFor(() => ledger.firstSeen >= storedCount * subscribers, "", options.drainTimeoutMs).catch(() => undefined);
    await sleep(300);
    const missing = ledger.missing(0, next, (index) => stored[index] === 1);
    const duplicates = ledger.duplicates();
    return {
      target: target.name,
      subscribers,
      concurrency: options.concurrency,
      posted: next,
      stored: storedCount,
      failedPosts,
      seconds,
      storedPerSecond: storedCount / seconds,
      response: summarize(responses),
      eventsExpected: storedCount * subscribers,
      eventsReceived: ledger.received,
      missing,
      duplicates,
      closes: pool.closes(),
      errors: pool.errors(),
    };
  } finally {
    await pool.close();
  }
}
