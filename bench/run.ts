// `npm run bench`: fan-out latency to 1,000 live subscribers, sustained webhook throughput, and
// outbound replies through the outbox worker to a fake Graph API (with the per-number rate raised,
// then at WhatsApp's default 80/s for comparison), each against its own real server (production
// build) on 127.0.0.1. Prints a report and a final `BENCH_RESULT {...}` line for the README; then
// runs the search benchmark (bench/search.ts, in-process, its own report and result line).
//
// Knobs (all optional): BENCH_SUBSCRIBERS (1000), BENCH_WEBHOOKS (50), BENCH_SECONDS (10),
// BENCH_REPLIES (2000), BENCH_CPU_PROF=<dir> (writes a V8 CPU profile of each server process
// there, on stop).
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startFakeGraph, type FakeGraph } from "../testing/fake-graph";
import { ROOT, startServer, type RunningServer } from "../testing/server";
import { signIn } from "../testing/session";
import { runFanout, type FanoutResult } from "./fanout";
import { ensureFdLimit, machine, type Machine } from "./machine";
import { runOutbound, type OutboundResult } from "./outbound";
import { ms, percent, round, roundSummary, table } from "./stats";
import { runThroughput, type ThroughputResult } from "./throughput";

const TARGET_P99_MS = 50;
const TARGET_STORED_PER_SECOND = 500;
// Room for the largest knobs: 5,000 subscribers, 60 s of webhooks, 10,000 replies and their drains.
const WATCHDOG_MS = 12 * 60_000;

function knob(name: string, fallback: number, min: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

const SUBSCRIBERS = knob("BENCH_SUBSCRIBERS", 1000, 1, 5000);
const WEBHOOKS = knob("BENCH_WEBHOOKS", 50, 1, 500);
const SECONDS = knob("BENCH_SECONDS", 10, 1, 60);
const REPLIES = knob("BENCH_REPLIES", 2000, 10, 10_000);
const RAISED_SEND_RATE = 1000;
const DEFAULT_SEND_RATE = 80;

const running = new Set<RunningServer>();

async function withServer<T>(
  label: string,
  work: (server: RunningServer, cookie: string) => Promise<T>,
  extraEnv: Record<string, string> = {},
): Promise<T> {
  const profileDir = process.env.BENCH_CPU_PROF;
  const profiler = pathToFileURL(path.join(import.meta.dirname, "cpu-profiler.mjs")).href;
  const env: Record<string, string> = profileDir
    ? {
        ...extraEnv,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${profiler}`.trim(),
        BENCH_CPU_PROF_DIR: path.resolve(profileDir, label),
      }
    : extraEnv;
  const server = await startServer({ env });
  running.add(server);
  try {
    const cookie = await signIn(server.url, "agent@example.com", "agent");
    return await work(server, cookie);
  } catch (error) {
    console.error(`\n${label} failed; server output:\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    await server.stop();
    running.delete(server);
  }
}

function printHeader(host: Machine, fdNeeded: number) {
  console.log("\nSwitchboard benchmark");
  console.log(table([
    ["machine", "value"],
    ["CPU", host.cpu],
    ["cores", String(host.cores)],
    ["memory", `${host.memoryGiB} GiB`],
    ["Node", host.node],
    ["OS", host.platform],
    ["open files limit, soft / hard (needed)", `${host.fdSoft} / ${host.fdHard} (${fdNeeded})`],
    ["load average at start (1 / 5 min)", host.loadAverage],
  ]));
  console.log(
    `Note: the benchmark client and the server run on the same ${host.cores} cores; every figure includes\n` +
      "the client's own work (tRPC client, JSON parsing of every delivery) competing with the server.\n" +
      "Node raises its soft open-files limit to the hard limit at startup; the server inherits it.\n",
  );
}

function printFanout(result: FanoutResult) {
  const { delivery, lastSubscriber, webhookResponse } = result;
  console.log(`\nFan-out latency: ${result.webhooks} webhooks, one at a time, to ${result.subscribers} subscribers`);
  console.log("(latency = arrival in the client − just before the POST; the next webhook goes 20 ms after the last arrival)");
  console.log(table([
    ["", "p50", "p90", "p99", "max"],
    [`delivery (${delivery.count} webhook × subscriber)`, ms(delivery.p50), ms(delivery.p90), ms(delivery.p99), ms(delivery.max)],
    [`time to last subscriber (${result.webhooks} webhooks)`, ms(lastSubscriber.p50), "", ms(lastSubscriber.p99), ms(lastSubscriber.max)],
    ["webhook POST response", ms(webhookResponse.p50), ms(webhookResponse.p90), ms(webhookResponse.p99), ms(webhookResponse.max)],
  ]));
  console.log(table([
    ["check", "value"],
    ["subscriptions open (server's count)", `${result.serverSubscriptions} / ${result.subscribers}`],
    ["time to open them all", `${result.openSeconds.toFixed(1)} s`],
    ["deliveries received / expected", `${result.received} / ${result.expected}`],
    ["missing (webhook, subscriber) pairs", String(result.missing)],
    ["duplicate deliveries", String(result.duplicates)],
    ["failed webhook POSTs", String(result.failedPosts)],
    ["socket closes (reconnects)", String(result.reconnects)],
    ["bench client CPU while sending (of one core)", percent(result.clientCpu)],
  ]));
  for (const error of result.errors) console.log(`  error: ${error}`);
}

function printThroughput(result: ThroughputResult) {
  const response = result.webhookResponse;
  console.log(
    `\nSustained throughput: ${result.concurrency} concurrent webhook senders for ${SECONDS} s, ` +
      `${result.contacts} contacts, ${result.subscribers} subscribers`,
  );
  console.log(table([
    ["figure", "value"],
    ["webhooks posted / stored (messagesStored=1)", `${result.posted} / ${result.stored}`],
    ["failed webhook POSTs", String(result.failedPosts)],
    ["messages persisted per second", `${result.storedPerSecond.toFixed(0)} /s (over ${result.postSeconds.toFixed(1)} s)`],
    ["events fanned out per second", `${result.fannedOutPerSecond.toFixed(0)} /s (over ${result.fanoutSeconds.toFixed(1)} s)`],
    ["events received / expected", `${result.eventsReceived} / ${result.eventsExpected}`],
    ["missing (message, subscriber) pairs", String(result.missing)],
    ["duplicate deliveries", String(result.duplicates)],
    ["socket closes (reconnects)", String(result.reconnects)],
    ["bench client CPU while posting (of one core)", percent(result.clientCpu)],
    ["webhook POST response p50 / p99 / max", `${ms(response.p50)} / ${ms(response.p99)} / ${ms(response.max)}`],
  ]));
  for (const error of result.errors) console.log(`  error: ${error}`);
}

/** A server whose replies go to a fake Graph API at `sendRate` messages/s per number. */
async function withGraphServer<T>(label: string, sendRate: number, work: (server: RunningServer, cookie: string, graph: FakeGraph) => Promise<T>) {
  const graph = await startFakeGraph();
  try {
    const env = { WHATSAPP_ACCESS_TOKEN: graph.token, WHATSAPP_API_BASE_URL: graph.baseUrl, WHATSAPP_SEND_RATE: String(sendRate) };
    return await withServer(label, (server, cookie) => work(server, cookie, graph), env);
  } finally {
    await graph.stop();
  }
}

function printOutbound(result: OutboundResult, sendRate: number) {
  const response = result.sendResponse;
  console.log(
    `\nOutbound: ${result.replies} replies over ${result.contacts} conversations, queued by ${result.concurrency} ` +
      `concurrent clients, send rate limit ${sendRate}/s per number`,
  );
  console.log(table([
    ["figure", "value"],
    ["replies queued (message.send) / failed", `${result.queued} / ${result.failedSends}`],
    ["queued per second", `${result.queuedPerSecond.toFixed(0)} /s (over ${result.queueSeconds.toFixed(1)} s)`],
    ["message.send response p50 / p99 / max", `${ms(response.p50)} / ${ms(response.p99)} / ${ms(response.max)}`],
    ["sent to the Graph API per second", `${result.sentPerSecond.toFixed(0)} /s (first queued → last sent: ${result.sentSeconds.toFixed(1)} s)`],
    ["most sends within one second", `${result.busiestSecond} (limit ${sendRate})`],
    ["replies WhatsApp received / sent twice", `${result.delivered} / ${result.sentTwice}`],
    ["\"sent\" events a live subscriber got", String(result.sentEvents)],
    ["bench client CPU while queueing (of one core)", percent(result.clientCpu)],
  ]));
  for (const error of result.errors) console.log(`  error: ${error}`);
}

const outboundOk = (result: OutboundResult) =>
  result.failedSends === 0 && result.delivered === result.queued && result.sentTwice === 0 && result.sentEvents === result.queued;

async function main() {
  const started = Date.now();
  const fdNeeded = SUBSCRIBERS + 1024;
  ensureFdLimit(fdNeeded);
  execFileSync(process.execPath, ["--import", "tsx", "scripts/ensure-build.ts"], { cwd: ROOT, stdio: "inherit" });
  const host = machine();
  printHeader(host, fdNeeded);

  console.log(`Fan-out: starting a server and opening ${SUBSCRIBERS} subscriptions…`);
  const fanout = await withServer("fan-out", (server, cookie) =>
    runFanout(server, cookie, {
      subscribers: SUBSCRIBERS,
      webhooks: WEBHOOKS,
      batchSize: 50,
      pauseMs: 20,
      perWebhookTimeoutMs: 5_000,
      sendingTimeoutMs: 60_000,
    }),
  );
  printFanout(fanout);

  console.log(`\nThroughput: starting a fresh server…`);
  const throughput = await withServer("throughput", (server, cookie) =>
    runThroughput(server, cookie, {
      subscribers: 10,
      concurrency: 16,
      durationMs: SECONDS * 1000,
      maxMessages: 20_000,
      contacts: 200,
      drainTimeoutMs: 30_000,
    }),
  );
  printThroughput(throughput);

  const outboundOptions = { contacts: 50, concurrency: 16, drainTimeoutMs: 120_000 };
  console.log(`\nOutbound: starting a fresh server with a fake Graph API…`);
  const outbound = await withGraphServer("outbound", RAISED_SEND_RATE, (server, cookie, graph) =>
    runOutbound(server, cookie, graph, { ...outboundOptions, replies: REPLIES }),
  );
  printOutbound(outbound, RAISED_SEND_RATE);
  console.log(`\nOutbound at WhatsApp's default rate: starting a fresh server…`);
  const paced = await withGraphServer("outbound-paced", DEFAULT_SEND_RATE, (server, cookie, graph) =>
    runOutbound(server, cookie, graph, { ...outboundOptions, replies: DEFAULT_SEND_RATE * 4 }),
  );
  printOutbound(paced, DEFAULT_SEND_RATE);

  const fanoutOk = fanout.missing === 0 && fanout.duplicates === 0 && fanout.failedPosts === 0;
  const throughputOk = throughput.missing === 0 && throughput.duplicates === 0 && throughput.failedPosts === 0;
  const repliesOk = outboundOk(outbound) && outboundOk(paced);
  const paceKept = paced.busiestSecond <= DEFAULT_SEND_RATE;
  const p99Met = fanout.delivery.p99 <= TARGET_P99_MS;
  const rateMet = throughput.storedPerSecond >= TARGET_STORED_PER_SECOND;
  console.log("");
  console.log(table([
    ["summary", "result"],
    [`every subscriber got every message exactly once`, fanoutOk && throughputOk ? "yes" : "NO"],
    [`fan-out p99 ≤ ${TARGET_P99_MS} ms at ${SUBSCRIBERS} subscribers`, `${p99Met ? "met" : "MISSED"} (${ms(fanout.delivery.p99)})`],
    [`≥ ${TARGET_STORED_PER_SECOND} messages persisted/s`, `${rateMet ? "met" : "MISSED"} (${throughput.storedPerSecond.toFixed(0)}/s)`],
    ["every reply sent exactly once, every \"sent\" seen live", repliesOk ? "yes" : "NO"],
    ["replies sent per second (rate limit raised)", `${outbound.sentPerSecond.toFixed(0)}/s`],
    [`at most ${DEFAULT_SEND_RATE} sends in any second at the default rate`, `${paceKept ? "yes" : "NO"} (${paced.busiestSecond})`],
    ["benchmark wall time", `${((Date.now() - started) / 1000).toFixed(0)} s`],
  ]));

  const result = {
    date: new Date().toISOString(),
    machine: host,
    sharedCores: true,
    fanout: {
      subscribers: fanout.subscribers,
      webhooks: fanout.webhooks,
      deliveryMs: roundSummary(fanout.delivery),
      timeToLastSubscriberMs: { p50: round(fanout.lastSubscriber.p50), p99: round(fanout.lastSubscriber.p99) },
      webhookResponseMs: roundSummary(fanout.webhookResponse),
      missing: fanout.missing,
      duplicates: fanout.duplicates,
      reconnects: fanout.reconnects,
      clientCpu: round(fanout.clientCpu, 2),
    },
    throughput: {
      subscribers: throughput.subscribers,
      concurrency: throughput.concurrency,
      seconds: round(throughput.postSeconds),
      stored: throughput.stored,
      storedPerSecond: round(throughput.storedPerSecond, 0),
      fannedOutPerSecond: round(throughput.fannedOutPerSecond, 0),
      webhookResponseMs: roundSummary(throughput.webhookResponse),
      missing: throughput.missing,
      duplicates: throughput.duplicates,
      clientCpu: round(throughput.clientCpu, 2),
    },
    outbound: {
      replies: outbound.queued,
      contacts: outbound.contacts,
      queuedPerSecond: round(outbound.queuedPerSecond, 0),
      sendResponseMs: roundSummary(outbound.sendResponse),
      sentPerSecond: round(outbound.sentPerSecond, 0),
      sentTwice: outbound.sentTwice,
      pacedBusiestSecond: paced.busiestSecond,
      pacedLimit: DEFAULT_SEND_RATE,
    },
    targets: { p99Met, rateMet, exactlyOnce: fanoutOk && throughputOk && repliesOk, paceKept },
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  return fanoutOk && throughputOk && repliesOk && paceKept;
}

const watchdog = setTimeout(() => {
  console.error(`benchmark did not finish in ${WATCHDOG_MS / 1000} s; stopping`);
  void Promise.all([...running].map((server) => server.stop())).finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

/** Its own process: it points the database client at a seeded file before first use. */
function runSearchBench(): boolean {
  console.log("\nSearch: seeding a database and timing searches (bench/search.ts)…");
  return spawnSync(process.execPath, ["--import", "tsx", "bench/search.ts"], { cwd: ROOT, stdio: "inherit" }).status === 0;
}

main()
  .then((ok) => runSearchBench() && ok)
  .then((ok) => process.exit(ok ? 0 : 1))
  .catch((error: unknown) => {
    console.error("benchmark failed:", error);
    process.exit(1);
  });
