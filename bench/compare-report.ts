// Tables and result JSON for the side-by-side phases: baseline and Switchboard in adjacent columns,
// and Switchboard / baseline for every figure where a ratio means something. The cluster phase
// (./cluster-phase.ts) uses the same tables with one process and the cluster as the two columns.
import type { CompareFanoutResult } from "./compare-fanout";
import type { CompareIngestResult } from "./compare-ingest";
import type { RefusedIngestResult } from "./ingest-floor";
import { ms, percent, round, roundSummary, table } from "./stats";

type Figure<T> = [label: string, value: (result: T) => number, format: (value: number) => string, ratio?: boolean];

// No ratio of a negative figure: an RSS delta below zero (GC ran while opening a few sockets) is noise.
const ratio = (switchboard: number, baseline: number) =>
  baseline > 0 && switchboard >= 0 && Number.isFinite(switchboard / baseline) ? switchboard / baseline : Number.NaN;
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");
const count = (value: number) => (Number.isFinite(value) ? String(value) : "?");
const perSecond = (value: number) => `${value.toFixed(0)} /s`;
const kb = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} KB` : "?");
const seconds = (value: number) => `${value.toFixed(1)} s`;

const BASELINE_HEADERS = ["baseline (Socket.IO)", "Switchboard (tRPC)", "Switchboard / baseline"] as const;

function sideBySide<T>(baseline: T, switchboard: T, figures: Figure<T>[], headers: readonly [string, string, string] = BASELINE_HEADERS): string {
  return table([
    ["", ...headers],
    ...figures.map(([label, value, format, withRatio = true]) => [
      label,
      format(value(baseline)),
      format(value(switchboard)),
      withRatio ? times(ratio(value(switchboard), value(baseline))) : "",
    ]),
  ]);
}

const fanoutFigures: Figure<CompareFanoutResult>[] = [
  ["delivery latency p50", (r) => r.delivery.p50, ms],
  ["delivery latency p90", (r) => r.delivery.p90, ms],
  ["delivery latency p99", (r) => r.delivery.p99, ms],
  ["time to first subscriber p50", (r) => r.firstSubscriber.p50, ms],
  ["server's own fan-out, mean (its timing)", (r) => r.serverFanoutMs, ms],
  ["time to last subscriber p50", (r) => r.lastSubscriber.p50, ms],
  ["time to last subscriber p99", (r) => r.lastSubscriber.p99, ms],
  ["time to last subscriber max", (r) => r.lastSubscriber.max, ms],
  ["webhook POST response p50", (r) => r.webhookResponse.p50, ms],
  ["webhook POST response p99", (r) => r.webhookResponse.p99, ms],
  ["deliveries per second (burst)", (r) => r.burst.perSecond, perSecond],
  ["time to open every subscriber", (r) => r.openSeconds, seconds],
  ["server RSS per subscription", (r) => r.rssPerSubscriptionKb, kb],
  ["server RSS after opening", (r) => r.rssAfterKb / 1024, (value) => `${value.toFixed(0)} MB`],
  ["frame of a short text message", (r) => r.messageFrameBytes ?? Number.NaN, (value) => (Number.isNaN(value) ? "—" : `${value} bytes`)],
  ["bench client CPU while sending (of one core)", (r) => r.clientCpu, percent],
  ["subscribers the server counted", (r) => r.serverCount, count, false],
  ["deliveries received", (r) => r.received, count, false],
  ["deliveries expected", (r) => r.expected, count, false],
  ["missing (webhook, subscriber) pairs", (r) => r.missing, count, false],
  ["duplicate deliveries", (r) => r.duplicates, count, false],
  ["failed webhook POSTs", (r) => r.failedPosts, count, false],
  ["socket closes", (r) => r.closes, count, false],
];

const ingestFigures: Figure<CompareIngestResult>[] = [
  ["webhooks answered 200 and stored, per second", (r) => r.storedPerSecond, perSecond],
  ["webhook POST response p50", (r) => r.response.p50, ms],
  ["webhook POST response p99", (r) => r.response.p99, ms],
  ["webhooks posted", (r) => r.posted, count, false],
  ["webhooks stored", (r) => r.stored, count, false],
  ["failed webhook POSTs", (r) => r.failedPosts, count, false],
  ["events received / expected", (r) => r.eventsReceived / Math.max(1, r.eventsExpected), percent, false],
  ["missing (message, subscriber) pairs", (r) => r.missing, count, false],
  ["duplicate deliveries", (r) => r.duplicates, count, false],
  ["socket closes", (r) => r.closes, count, false],
];

export function printErrors(results: { target: string; errors: string[] }[]) {
  for (const result of results) for (const error of result.errors) console.log(`  ${result.target} error: ${error}`);
}

export function printFanoutComparison(baseline: CompareFanoutResult, switchboard: CompareFanoutResult) {
  console.log(
    `\nFan-out, side by side: ${switchboard.subscriptions} subscribers (one socket each), ${switchboard.webhooks} webhooks ` +
      `one at a time, then a burst of ${switchboard.burst.webhooks} back to back`,
  );
  console.log("(latency = arrival in the client − just before the POST; same raw-WebSocket client for both)");
  console.log(sideBySide(baseline, switchboard, fanoutFigures));
  printErrors([baseline, switchboard]);
}

const targetLabels = { baseline: "baseline", switchboard: "Switchboard", cluster: "Switchboard cluster" } as const;

export function printFanoutAlone(result: CompareFanoutResult) {
  const name = targetLabels[result.target];
  console.log(
    `\nFan-out, ${name} only: ${result.subscriptions} subscriptions over ${result.sockets} sockets ` +
      `(${result.subscriptions / result.sockets} each), ${result.webhooks} webhooks, then a burst of ${result.burst.webhooks}`,
  );
  console.log(table([["figure", name], ...fanoutFigures.map(([label, value, format]) => [label, format(value(result))])]));
  printErrors([result]);
}

export function printIngestComparison(baseline: CompareIngestResult, switchboard: CompareIngestResult, durationSeconds: number) {
  console.log(
    `\nIngest, side by side: ${switchboard.concurrency} concurrent senders for ${durationSeconds} s, ` +
      `${switchboard.subscribers} subscribers connected`,
  );
  console.log(sideBySide(baseline, switchboard, ingestFigures));
  printErrors([baseline, switchboard]);
}

export function printIngestAlone(result: CompareIngestResult, label: string) {
  const name = targetLabels[result.target];
  console.log(`\nIngest, ${name} only, ${label}: ${result.concurrency} senders, ${result.subscribers} subscribers connected`);
  console.log(table([["figure", name], ...ingestFigures.map(([label, value, format]) => [label, format(value(result))])]));
  printErrors([result]);
}

/** The route's rate storing nothing, beside the stored rate and a quarter of the baseline's. */
export function printRefusedIngest(refused: RefusedIngestResult, stored: CompareIngestResult | null, baseline: CompareIngestResult | null) {
  console.log(`\nIngest refused at the signature: ${refused.concurrency} senders, each delivery read, checked and answered 401`);
  const rows = [
    ["figure", "Switchboard"],
    ["webhooks refused (401), per second", perSecond(refused.refusedPerSecond)],
    ["webhook POST response p50", ms(refused.response.p50)],
    ["webhook POST response p99", ms(refused.response.p99)],
    ["other answers or errors", count(refused.unexpected)],
  ];
  if (stored) rows.push(["stored per second, as a share of refused", percent(stored.storedPerSecond / refused.refusedPerSecond)]);
  if (baseline) rows.push(["a quarter of the baseline's stored rate", perSecond(baseline.storedPerSecond / 4)]);
  console.log(table(rows));
}

export function refusedIngestJson(result: RefusedIngestResult) {
  const { response, refusedPerSecond, ...counts } = result;
  return { ...counts, refusedPerSecond: round(refusedPerSecond, 0), responseMs: roundSummary(response) };
}

/** Two deployments of Switchboard (or any two runs), the same figures in adjacent columns and the ratio second / first. */
export const fanoutTable = (first: CompareFanoutResult, second: CompareFanoutResult, headers: readonly [string, string, string]) =>
  sideBySide(first, second, fanoutFigures, headers);
export const ingestTable = (first: CompareIngestResult, second: CompareIngestResult, headers: readonly [string, string, string]) =>
  sideBySide(first, second, ingestFigures, headers);

export const fanoutExactlyOnce = (result: CompareFanoutResult) =>
  result.missing === 0 && result.duplicates === 0 && result.failedPosts === 0;
export const ingestExactlyOnce = (result: CompareIngestResult) =>
  result.missing === 0 && result.duplicates === 0 && result.failedPosts === 0;

/** The figures of one fan-out run, rounded, for BENCH_RESULT. */
export function fanoutJson(result: CompareFanoutResult) {
  return {
    subscriptions: result.subscriptions,
    sockets: result.sockets,
    webhooks: result.webhooks,
    deliveryMs: roundSummary(result.delivery),
    timeToFirstSubscriberMs: roundSummary(result.firstSubscriber),
    serverFanoutMs: round(result.serverFanoutMs, 2),
    timeToLastSubscriberMs: roundSummary(result.lastSubscriber),
    webhookResponseMs: roundSummary(result.webhookResponse),
    burst: { webhooks: result.burst.webhooks, deliveries: result.burst.deliveries, perSecond: round(result.burst.perSecond, 0) },
    openSeconds: round(result.openSeconds, 2),
    rssKb: { before: result.rssBeforeKb, after: result.rssAfterKb, perSubscription: round(result.rssPerSubscriptionKb, 2) },
    serverCount: result.serverCount,
    missing: result.missing,
    duplicates: result.duplicates,
    failedPosts: result.failedPosts,
    closes: result.closes,
    messageFrameBytes: result.messageFrameBytes,
    clientCpu: round(result.clientCpu, 2),
  };
}

/** Switchboard / baseline for every figure of a pair of runs where the ratio means something. */
const ratios = <T>(figures: Figure<T>[], baseline: T, switchboard: T) =>
  Object.fromEntries(
    figures.filter(([, , , withRatio = true]) => withRatio).map(([label, value]) => [label, round(ratio(value(switchboard), value(baseline)), 2)]),
  );
export const fanoutRatios = (baseline: CompareFanoutResult, switchboard: CompareFanoutResult) => ratios(fanoutFigures, baseline, switchboard);
export const ingestRatios = (baseline: CompareIngestResult, switchboard: CompareIngestResult) => ratios(ingestFigures, baseline, switchboard);

export function ingestJson(result: CompareIngestResult) {
  const { target: _target, errors: _errors, response, seconds: postSeconds, storedPerSecond, ...counts } = result;
  return { ...counts, seconds: round(postSeconds), storedPerSecond: round(storedPerSecond, 0), responseMs: roundSummary(response) };
}
