// The side-by-side phases of `npm run bench`: fan-out for the Socket.IO baseline and Switchboard
// at each size in BENCH_FANOUT_SIZES (each run on its own fresh server), Switchboard alone at
// BENCH_BIG_SUBSCRIPTIONS subscriptions over several per socket (each fan-out run with a load
// generator process of its own: ./fanout-process.ts), and ingest for both (and, for
// Switchboard, the rate its route answers deliveries it refuses: Next's share of the ingest).
import type { CompareFanoutOptions, CompareFanoutResult } from "./compare-fanout";
import { compareIngest, type CompareIngestOptions } from "./compare-ingest";
import { fanoutInOwnProcess } from "./fanout-process";
import { refusedIngest } from "./ingest-floor";
import {
  fanoutExactlyOnce,
  fanoutJson,
  fanoutRatios,
  ingestExactlyOnce,
  ingestJson,
  ingestRatios,
  printFanoutAlone,
  printFanoutComparison,
  printIngestAlone,
  printIngestComparison,
  printRefusedIngest,
  refusedIngestJson,
} from "./compare-report";
import { knob, listKnob } from "./knobs";
import { withBaseline, withSwitchboard } from "./servers";

// One socket per subscriber in each process: the open-files limit (20,000 here) bounds a size.
// BENCH_SUBSCRIBERS (one size), from before the comparison, still works.
const FANOUT_SIZES = listKnob("BENCH_FANOUT_SIZES", process.env.BENCH_SUBSCRIBERS ? [knob("BENCH_SUBSCRIBERS", 1000, 1, 20_000)] : [1000, 10_000], 1, 20_000);
const BIG_SUBSCRIPTIONS = knob("BENCH_BIG_SUBSCRIPTIONS", 50_000, 0, 100_000);
// The server allows 10 subscriptions per connection (src/server/realtime/ws.ts).
const BIG_PER_SOCKET = knob("BENCH_BIG_PER_SOCKET", 5, 1, 10);
const WEBHOOKS = knob("BENCH_WEBHOOKS", 50, 1, 500);
const BIG_WEBHOOKS = knob("BENCH_BIG_WEBHOOKS", 20, 1, 200);
const BURST = knob("BENCH_BURST", 20, 1, 200);
const BIG_BURST = knob("BENCH_BIG_BURST", 10, 1, 200);
const PACED_RATE = knob("BENCH_PACED_RATE", 500, 10, 5000);

/** The most sockets any phase opens, which the client and each server process must be allowed. */
export const largestSocketCount = () => Math.max(...FANOUT_SIZES, Math.ceil(BIG_SUBSCRIPTIONS / BIG_PER_SOCKET));
export const smallestFanoutSize = () => Math.min(...FANOUT_SIZES);
export const fanoutSizes = (): readonly number[] => FANOUT_SIZES;

/** Timeouts grow with the size (opening a subscription costs Switchboard a few ms), each with a ceiling. */
function fanoutOptions(subscriptions: number, perSocket: number, webhooks: number, burst: number): CompareFanoutOptions {
  return {
    subscriptions,
    subscriptionsPerSocket: perSocket,
    webhooks,
    burst,
    batchSize: 100,
    openTimeoutMs: Math.min(300_000, 30_000 + subscriptions * 5),
    pauseMs: 20,
    perWebhookTimeoutMs: Math.min(30_000, 5_000 + subscriptions * 0.2),
    sendingTimeoutMs: 60_000,
    drainTimeoutMs: Math.min(120_000, 10_000 + burst * subscriptions * 0.2),
  };
}

/** The one-socket-per-subscriber fan-out run at `size`, the same for every design and deployment. */
export const sizeOptions = (size: number) => fanoutOptions(size, 1, WEBHOOKS, BURST);

/** Long enough for a fresh server to reach its steady speed under load (./load/senders.ts). */
const INGEST_WARM_UP_MS = 4_000;

/** Sustained ingest for `seconds` (senders as fast as answered), after a warm-up under the same load; the same for every design and deployment. */
export const ingestOptions = (seconds: number): CompareIngestOptions => ({
  subscribers: 10,
  concurrency: 16,
  durationMs: seconds * 1000,
  maxMessages: 20_000,
  contacts: 200,
  drainTimeoutMs: 30_000,
  warmUpMs: INGEST_WARM_UP_MS,
});

/** A run that cannot finish (its subscribers never all open, its server dies) is reported as such, and the rest still run. */
export async function attempt<T>(label: string, failures: string[], run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    failures.push(`${label}: ${String(error)}`);
    console.log(`\n${label} did not complete: ${String(error)}`);
    return null;
  }
}

export async function runComparisons(seconds: number) {
  const failures: string[] = [];
  const pairs: { size: number; baseline: CompareFanoutResult | null; switchboard: CompareFanoutResult | null }[] = [];
  for (const size of FANOUT_SIZES) {
    const options = sizeOptions(size);
    console.log(`\nFan-out at ${size} subscribers: the baseline, then Switchboard, each on a fresh server…`);
    const baseline = await attempt(`baseline fan-out at ${size}`, failures, () =>
      fanoutInOwnProcess("baseline", `baseline-fanout-${size}`, options),
    );
    const switchboard = await attempt(`Switchboard fan-out at ${size}`, failures, () =>
      fanoutInOwnProcess("switchboard", `fanout-${size}`, options),
    );
    if (baseline && switchboard) printFanoutComparison(baseline, switchboard);
    else for (const result of [baseline, switchboard]) if (result) printFanoutAlone(result);
    pairs.push({ size, baseline, switchboard });
  }

  let big: CompareFanoutResult | null = null;
  if (BIG_SUBSCRIPTIONS > 0) {
    console.log(`\nFan-out at ${BIG_SUBSCRIPTIONS} subscriptions (${BIG_PER_SOCKET} per socket), Switchboard only…`);
    const options = fanoutOptions(BIG_SUBSCRIPTIONS, BIG_PER_SOCKET, BIG_WEBHOOKS, BIG_BURST);
    big = await attempt(`Switchboard fan-out at ${BIG_SUBSCRIPTIONS}`, failures, () => fanoutInOwnProcess("switchboard", "fanout-big", options));
    if (big) printFanoutAlone(big);
  }

  const ingest = ingestOptions(seconds);
  console.log(`\nIngest: the baseline, then Switchboard, each on a fresh server…`);
  const ingestBaseline = await attempt("baseline ingest", failures, () => withBaseline("baseline-ingest", (target) => compareIngest(target, ingest)));
  const ingestSwitchboard = await attempt("Switchboard ingest", failures, () => withSwitchboard("ingest", (target) => compareIngest(target, ingest)));
  if (ingestBaseline && ingestSwitchboard) printIngestComparison(ingestBaseline, ingestSwitchboard, seconds);
  console.log(`\nIngest refused at the signature (the route storing nothing), Switchboard on a fresh server…`);
  const refused = await attempt("Switchboard refused ingest", failures, () => withSwitchboard("ingest-refused", (target) => refusedIngest(target, ingest)));
  if (refused) printRefusedIngest(refused, ingestSwitchboard, ingestBaseline);

  // The answer time WhatsApp sees at a steady 500 deliveries a second (senders enough to keep pace).
  const pacedOptions: CompareIngestOptions = { ...ingest, concurrency: 64, ratePerSecond: PACED_RATE, maxMessages: PACED_RATE * seconds };
  console.log(`\nIngest paced at ${PACED_RATE} webhooks/s for ${seconds} s, Switchboard…`);
  const paced = await attempt("Switchboard paced ingest", failures, () => withSwitchboard("ingest-paced", (target) => compareIngest(target, pacedOptions)));
  if (paced) printIngestAlone(paced, `paced at ${PACED_RATE}/s`);

  const fanouts = [...pairs.flatMap((pair) => [pair.baseline, pair.switchboard]), big].filter((result) => result !== null);
  const ingests = [ingestBaseline, ingestSwitchboard, paced].filter((result) => result !== null);
  // A run that did not complete cannot vouch for its messages.
  const exactlyOnce = failures.length === 0 && fanouts.every(fanoutExactlyOnce) && ingests.every(ingestExactlyOnce);
  return {
    exactlyOnce,
    /** Switchboard's sustained webhooks per second, for the ≥ 500/s aim (null if that run failed). */
    switchboardStoredPerSecond: ingestSwitchboard?.storedPerSecond ?? null,
    /** Switchboard at the smallest size, for the p99 aim. */
    smallest: pairs.find((pair) => pair.size === smallestFanoutSize())?.switchboard ?? null,
    /** Switchboard's one-process runs, which the cluster phase is printed beside. */
    single: {
      fanout: new Map(pairs.map(({ size, switchboard }) => [size, switchboard])),
      ingest: ingestSwitchboard,
    },
    json: {
      fanout: pairs.map(({ size, baseline, switchboard }) => ({
        subscriptions: size,
        baseline: baseline && fanoutJson(baseline),
        switchboard: switchboard && fanoutJson(switchboard),
        switchboardOverBaseline: baseline && switchboard && fanoutRatios(baseline, switchboard),
      })),
      bigFanout: big && fanoutJson(big),
      ingest: {
        baseline: ingestBaseline && ingestJson(ingestBaseline),
        switchboard: ingestSwitchboard && ingestJson(ingestSwitchboard),
        switchboardOverBaseline: ingestBaseline && ingestSwitchboard && ingestRatios(ingestBaseline, ingestSwitchboard),
        pacedSwitchboard: paced && { ratePerSecond: PACED_RATE, ...ingestJson(paced) },
        refusedSwitchboard: refused && refusedIngestJson(refused),
      },
      failures,
    },
  };
}
