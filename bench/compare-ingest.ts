// Sustained ingest, measured the same way for either design (bench/targets.ts): `concurrency`
// senders post distinct messages (new wamids from `contacts` customers) for a bounded time and
// count, while a few raw-WebSocket subscribers check that every stored message reaches them once.
import { randomBytes } from "node:crypto";
import { sleep, waitFor } from "../testing/wait";
import { textMessage } from "../testing/webhook";
import { DeliveryLedger } from "./delivery-ledger";
import { openRawClients } from "./load/raw-clients";
import { benchCustomer, runSenders, warmUpSenders } from "./load/senders";
import { summarize, type Summary } from "./stats";
import type { BenchTarget, TargetName } from "./targets";

export interface CompareIngestOptions {
  subscribers: number;
  concurrency: number;
  durationMs: number;
  maxMessages: number;
  contacts: number;
  drainTimeoutMs: number;
  /** The same load for this long first, not counted (./load/senders.ts: warmUpSenders). */
  warmUpMs: number;
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
    const warmUpOf = (index: number) =>
      textMessage({ ...benchCustomer(index, options.contacts), text: `bench-warm-up-${index}`, wamid: `wamid.BENCHWU${run.toUpperCase()}${String(index).padStart(7, "0")}` });
    await warmUpSenders(options, options.warmUpMs, warmUpOf, (payload) => target.post(payload).catch(() => null));
    await sleep(500);
    let storedCount = 0;
    let failedPosts = 0;
    const payloadOf = (index: number) =>
      textMessage({
        ...benchCustomer(index, options.contacts),
        text: `${prefix}${index}`,
        wamid: `wamid.BENCHIN${run.toUpperCase()}${String(index).padStart(6, "0")}`,
      });
    const { posted, seconds, responses } = await runSenders(options, payloadOf, async (payload, index) => {
      const { status, stored: count } = await target.post(payload).catch(() => ({ status: 0, stored: 0 }));
      if (status === 200 && count === 1) {
        stored[index] = 1;
        storedCount++;
      } else failedPosts++;
    });

    await waitFor(() => ledger.firstSeen >= storedCount * subscribers, "", options.drainTimeoutMs).catch(() => undefined);
    await sleep(300);
    const missing = ledger.missing(0, posted, (index) => stored[index] === 1);
    const duplicates = ledger.duplicates();
    return {
      target: target.name,
      subscribers,
      concurrency: options.concurrency,
      posted,
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
