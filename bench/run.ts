// `npm run bench`: fan-out and ingest side by side with a plain Socket.IO baseline
// (bench/compare-phases.ts: 1,000 and 10,000 subscribers, then Switchboard alone at 50,000
// subscriptions; sustained ingest, whose Switchboard figure is checked against the ≥ 500/s aim), a
// stall probe, a resume storm (many dashboards replaying the log at once), and outbound replies
// through the outbox worker to
// a fake Graph API (with the per-number rate raised, then at WhatsApp's default 80/s), each against
// its own fresh server process on 127.0.0.1. Prints a report and a final `BENCH_RESULT {...}` line
// for the README; then runs the search benchmark (bench/search.ts, its own report and result line).
// Exits non-zero only when a message was lost, duplicated or refused, never on timing.
//
// After the outbound phases, the cluster phase (bench/cluster-phase.ts): the same fan-out sizes and
// ingest over N web processes on PostgreSQL and Redis, beside this run's one-process figures
// (`npm run bench:cluster` runs only that and the one-process runs it is compared with).
//
// Knobs (all optional): BENCH_FANOUT_SIZES (1000,10000), BENCH_WEBHOOKS (50), BENCH_BURST (20),
// BENCH_BIG_SUBSCRIPTIONS (50000; 0 skips), BENCH_BIG_PER_SOCKET (5), BENCH_BIG_WEBHOOKS (20),
// BENCH_BIG_BURST (10), BENCH_SECONDS (10, ingest), BENCH_STALL_MESSAGES (1000),
// BENCH_STALL_WATCHERS (200; dashboards watching the second stall run, 0 skips it),
// BENCH_REPLIES (2000), BENCH_STORM_SOCKETS (1000), BENCH_STORM_MESSAGES (200),
// BENCH_CLUSTER_PROCESSES (4; 0 skips the cluster phase),
// BENCH_CPU_PROF=<dir> (writes a V8 CPU profile of each server process there, on stop).
import { execFileSync, spawnSync } from "node:child_process";
import { MAX_UPDATES_PER_DELIVERY } from "../src/server/whatsapp/payload";
import { ROOT } from "../testing/server";
import { CLUSTER_PROCESSES, runClusterPhase } from "./cluster-phase";
import { clusterJson, clusterSummaryRows } from "./cluster-report";
import { largestSocketCount, runComparisons, smallestFanoutSize } from "./compare-phases";
import { knob } from "./knobs";
import { ensureFdLimit, machine } from "./machine";
import { runOutbound, type OutboundResult } from "./outbound";
import { printHeader, printOutbound } from "./report";
import { withGraphServer, withServer, withSwitchboard } from "./servers";
import { ms, round, roundSummary, table } from "./stats";
import { resumeStorm, type ResumeStormResult } from "./resume-storm";
import { runStall, type StallResult } from "./stall";
import { installWatchdog } from "./watchdog";

const TARGET_P99_MS = 50;
const TARGET_STORED_PER_SECOND = 500;
// A default run takes about 5 minutes on 2 cores when they are otherwise idle, and several times
// that when they are not. Every phase has its own count and time bounds (the open, send and drain
// timeouts of a fan-out run add up to about 10 minutes at most, the cluster phase's three runs
// about 12 with their starts); this bounds the whole run whatever the knobs.
const WATCHDOG_MS = 50 * 60_000;

const SECONDS = knob("BENCH_SECONDS", 10, 1, 60);
// WhatsApp's largest delivery, which is also the most the webhook accepts in one.
const STALL_MESSAGES = knob("BENCH_STALL_MESSAGES", MAX_UPDATES_PER_DELIVERY, 1, MAX_UPDATES_PER_DELIVERY);
const STALL_WATCHERS = knob("BENCH_STALL_WATCHERS", 200, 0, 10_000);
const REPLIES = knob("BENCH_REPLIES", 2000, 10, 10_000);
const STORM_SOCKETS = knob("BENCH_STORM_SOCKETS", 1000, 1, 10_000);
const STORM_MESSAGES = knob("BENCH_STORM_MESSAGES", 200, 1, 2_000);
const RAISED_SEND_RATE = 1000;
const DEFAULT_SEND_RATE = 80;

const outboundOk = (result: OutboundResult) =>
  result.failedSends === 0 && result.delivered === result.queued && result.sentTwice === 0 && result.sentEvents === result.queued;

function printStorm(storm: ResumeStormResult) {
  console.log(table([
    ["figure", "value"],
    ["messages received / expected", `${storm.received} / ${storm.expected}`],
    ["every dashboard caught up (opening included)", `${storm.seconds.toFixed(2)} s`],
    ["server CPU meanwhile", `${(storm.serverCpuMs / 1000).toFixed(2)} s`],
  ]));
}

function printStall(stall: StallResult) {
  const watched = stall.watchers > 0;
  console.log(table([
    ["figure", "value"],
    ["messages stored / in the delivery", `${stall.stored} / ${stall.messages} (${(stall.bodyBytes / 1024).toFixed(0)} KB)`],
    ["the delivery's answer", ms(stall.deliveryMs)],
    ...(watched ? [[`every message at all ${stall.watchers} watchers after / pairs missing`, `${ms(stall.allWatchersMs)} / ${stall.missing}`]] : []),
    [`the server's longest event-loop delay while it was stored${watched ? " and fanned out" : ""}`, ms(stall.serverLoopDelayMs)],
    // With watchers, this process reads every frame too, which delays its own probes.
    [`longest gap between health answers${watched ? " (this process also reads the frames)" : ""}`, ms(stall.longestGapMs)],
    ["health answer p50 / p99 / max", `${ms(stall.probes.p50)} / ${ms(stall.probes.p99)} / ${ms(stall.probes.max)}`],
  ]));
}

const stallJson = (stall: StallResult) => ({
  messages: stall.messages,
  watchers: stall.watchers,
  stored: stall.stored,
  deliveryMs: round(stall.deliveryMs),
  allWatchersMs: round(stall.allWatchersMs),
  missing: stall.missing,
  serverLoopDelayMs: round(stall.serverLoopDelayMs),
  longestGapMs: round(stall.longestGapMs),
  healthMs: roundSummary(stall.probes),
});

async function main() {
  const started = Date.now();
  // The client and the server are separate processes; each holds one socket per subscriber socket.
  const fdNeeded = largestSocketCount() + 1024;
  ensureFdLimit(fdNeeded);
  execFileSync(process.execPath, ["--import", "tsx", "scripts/ensure-build.ts"], { cwd: ROOT, stdio: "inherit" });
  const host = machine();
  printHeader(host, fdNeeded);

  const comparison = await runComparisons(SECONDS);

  console.log(`\nStalls: one delivery of ${STALL_MESSAGES} messages while /api/health is asked every 10 ms…`);
  const stall = await withServer("stall", (server, cookie) => runStall(server, { messages: STALL_MESSAGES, watchers: 0, cookie }));
  printStall(stall);
  let watchedStall: StallResult | null = null;
  if (STALL_WATCHERS > 0) {
    console.log(`\nThe same with ${STALL_WATCHERS} dashboards watching (the whole delivery fanned out to each)…`);
    watchedStall = await withServer("stall-watched", (server, cookie) => runStall(server, { messages: STALL_MESSAGES, watchers: STALL_WATCHERS, cookie }));
    printStall(watchedStall);
  }
  console.log(`\nResume storm: ${STORM_SOCKETS} dashboards resuming ${STORM_MESSAGES} messages back at once…`);
  const storm = await withSwitchboard("resume-storm", (target) => resumeStorm(target, { sockets: STORM_SOCKETS, messages: STORM_MESSAGES }));
  printStorm(storm);

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

  const cluster = CLUSTER_PROCESSES > 0 ? await runClusterPhase(SECONDS, comparison.single) : null;

  const fanoutOk = comparison.exactlyOnce && (cluster?.exactlyOnce ?? true);
  const stallOk = [stall, watchedStall].every((run) => !run || (run.stored === run.messages && run.missing === 0));
  const stormOk = storm.received === storm.expected;
  const repliesOk = outboundOk(outbound) && outboundOk(paced);
  const paceKept = paced.busiestSecond <= DEFAULT_SEND_RATE;
  const fanoutP99 = comparison.smallest?.delivery.p99 ?? Number.NaN;
  const p99Met = fanoutP99 <= TARGET_P99_MS;
  const storedPerSecond = comparison.switchboardStoredPerSecond ?? 0;
  const rateMet = storedPerSecond >= TARGET_STORED_PER_SECOND;
  console.log("");
  console.log(table([
    ["summary", "result"],
    [`every subscriber got every message exactly once`, fanoutOk && stallOk && stormOk ? "yes" : "NO"],
    [`fan-out p99 ≤ ${TARGET_P99_MS} ms at ${smallestFanoutSize()} subscribers`, `${p99Met ? "met" : "MISSED"} (${ms(fanoutP99)})`],
    [`≥ ${TARGET_STORED_PER_SECOND} messages persisted/s`, `${rateMet ? "met" : "MISSED"} (${storedPerSecond.toFixed(0)}/s)`],
    ["every reply sent exactly once, every \"sent\" seen live", repliesOk ? "yes" : "NO"],
    ["replies sent per second (rate limit raised)", `${outbound.sentPerSecond.toFixed(0)}/s`],
    [`at most ${DEFAULT_SEND_RATE} sends in any second at the default rate`, `${paceKept ? "yes" : "NO"} (${paced.busiestSecond})`],
    ...(cluster ? clusterSummaryRows(cluster) : []),
    ["benchmark wall time", `${((Date.now() - started) / 1000).toFixed(0)} s`],
  ]));

  const result = {
    date: new Date().toISOString(),
    machine: host,
    sharedCores: true,
    ...comparison.json,
    stall: stallJson(stall),
    watchedStall: watchedStall && stallJson(watchedStall),
    resumeStorm: { ...storm, seconds: round(storm.seconds) },
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
    cluster: cluster && clusterJson(cluster),
    targets: { p99Met, rateMet, exactlyOnce: fanoutOk && stallOk && stormOk && repliesOk, paceKept },
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  return fanoutOk && stallOk && stormOk && repliesOk && paceKept;
}

installWatchdog(WATCHDOG_MS);

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
