// The webhook senders of the ingest phases: `concurrency` loops, each posting the next delivery
// until the time or the count runs out (paced if asked: delivery i no earlier than i / rate
// seconds after the start), each post timed from just before it is sent to its answer.
import { performance } from "node:perf_hooks";
import { sleep } from "../../testing/wait";

export interface SendersOptions {
  concurrency: number;
  durationMs: number;
  maxMessages: number;
  ratePerSecond?: number;
}

export interface SendersResult {
  /** Deliveries posted, numbered 0 … posted − 1. */
  posted: number;
  seconds: number;
  /** Each post's answer time, ms. */
  responses: number[];
}

export async function runSenders<P>(
  options: SendersOptions,
  payloadOf: (index: number) => P,
  post: (payload: P, index: number) => Promise<void>,
): Promise<SendersResult> {
  const responses: number[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const sender = async () => {
    while (performance.now() < deadline && next < options.maxMessages) {
      const index = next++;
      if (options.ratePerSecond) await sleep(started + (index * 1000) / options.ratePerSecond - performance.now());
      const payload = payloadOf(index);
      const sentAt = performance.now();
      await post(payload, index);
      responses.push(performance.now() - sentAt);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, sender));
  return { posted: next, seconds: (performance.now() - started) / 1000, responses };
}

/**
 * The same senders for `ms` first, their answers not counted. A fresh server answers a sustained
 * load slowly for its first seconds, while its hot code is still being compiled: paced at 500/s,
 * Switchboard's server used 1.8× its steady CPU per delivery in the first second and fell behind
 * for three (answers p50 100–130 ms, then 8–17). The figures are of a server that has been running;
 * both designs get the same warm-up.
 */
export async function warmUpSenders<P>(
  options: SendersOptions,
  ms: number,
  payloadOf: (index: number) => P,
  post: (payload: P) => Promise<unknown>,
): Promise<void> {
  if (ms <= 0) return;
  await runSenders({ ...options, durationMs: ms, maxMessages: Number.MAX_SAFE_INTEGER }, payloadOf, async (payload) => {
    await post(payload);
  });
}

/** Who sends delivery `index`: one of `contacts` customers, in turn. */
export function benchCustomer(index: number, contacts: number) {
  const contact = index % contacts;
  return { from: String(15550200000 + contact), name: `Bench Contact ${contact}` };
}
