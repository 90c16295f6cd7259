// `npm run bench`: fan-out latency to 1,000 live subscribers, then sustained webhook throughput,
// each against its own real server (production build) on 127.0.0.1. Prints a report and a final
// `BENCH_RESULT {...}` line for the README.
//
// Knobs (all optional): BENCH_SUBSCRIBERS (1000), BENCH_WEBHOOKS (50), BENCH_SECONDS (10),
// BENCH_CPU_PROF=<dir> (writes a V8 CPU profile of each server process there, on stop).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, startServer, type RunningServer } from "../testing/server";
import { signIn } from "../testing/session";
import { runFanout, type FanoutResult } from "./fanout";
import { ensureFdLimit, machine, type Machine } from "./machine";
import { ms, percent, round, roundSummary, table } from "./stats";
import { runThroughput, type ThroughputResult } from "./throughput";

const TARGET_P99_MS = 50;
const TARGET_STORED_PER_SECOND = 500;
const WATCHDOG_MS = 6 * 60_000;

function knob(name: string, fallback: number, min: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

const SUBSCRIBERS = knob("BENCH_SUBSCRIBERS", 1000, 1, 5000);
const WEBHOOKS = knob("BENCH_WEBHOOKS", 50, 1, 500);
const SECONDS = knob("BENCH_SECONDS", 10, 1, 60);

const running = new Set<RunningServer>();

async function withServer<T>(label: string, work: (server: RunningServer, cookie: string) => Promise<T>): Promise<T> {
  const profileDir = process.env.BENCH_CPU_PROF;
  const profiler = pathToFileURL(path.join(import.meta.dirname, "cpu-profiler.mjs")).href;
  const env: Record<string, string> = profileDir
    ? {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${profiler}`.trim(),
        BENCH_CPU_PROF_DIR: path.resolve(profileDir, label),
      }
    : {};
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

  const fanoutOk = fanout.missing === 0 && fanout.duplicates === 0 && fanout.failedPosts === 0;
  const throughputOk = throughput.missing === 0 && throughput.duplicates === 0 && throughput.failedPosts === 0;
  const p99Met = fanout.delivery.p99 <= TARGET_P99_MS;
  const rateMet = throughput.storedPerSecond >= TARGET_STORED_PER_SECOND;
  console.log("");
  console.log(table([
    ["summary", "result"],
    [`every subscriber got every message exactly once`, fanoutOk && throughputOk ? "yes" : "NO"],
    [`fan-out p99 ≤ ${TARGET_P99_MS} ms at ${SUBSCRIBERS} subscribers`, `${p99Met ? "met" : "MISSED"} (${ms(fanout.delivery.p99)})`],
    [`≥ ${TARGET_STORED_PER_SECOND} messages persisted/s`, `${rateMet ? "met" : "MISSED"} (${throughput.storedPerSecond.toFixed(0)}/s)`],
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
    targets: { p99Met, rateMet, exactlyOnce: fanoutOk && throughputOk },
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  return fanoutOk && throughputOk;
}

const watchdog = setTimeout(() => {
  console.error(`benchmark did not finish in ${WATCHDOG_MS / 1000} s; stopping`);
  void Promise.all([...running].map((server) => server.stop())).finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

main()
  .then((ok) => process.exit(ok ? 0 : 1))
  .catch((error: unknown) => {
    console.error("benchmark failed:", error);
    process.exit(1);
  });
