// `npm run bench:cluster`: the cluster phase of `npm run bench` alone (bench/cluster-phase.ts), with
// the one-process Switchboard runs it is printed beside (fan-out at each size, sustained ingest; no
// baseline, no 50,000 run, no stall or outbound phases). About 4 minutes at the default sizes; for a
// quick look, BENCH_FANOUT_SIZES=1000, and BENCH_CLUSTER_SINGLE=0 skips the one-process runs.
// Prints the tables and a `BENCH_CLUSTER_RESULT {...}` line; exits non-zero only when a message was
// lost, duplicated or refused (or a run could not complete), never on timing.
import { execFileSync } from "node:child_process";
import { ROOT } from "../testing/server";
import { CLUSTER_PROCESSES, runClusterPhase, type SingleProcessRuns } from "./cluster-phase";
import { clusterJson, clusterSummaryRows } from "./cluster-report";
import type { CompareFanoutResult } from "./compare-fanout";
import { fanoutInOwnProcess } from "./fanout-process";
import { compareIngest } from "./compare-ingest";
import { attempt, fanoutSizes, ingestOptions, sizeOptions } from "./compare-phases";
import { knob } from "./knobs";
import { ensureFdLimit, machine } from "./machine";
import { printHeader } from "./report";
import { withSwitchboard } from "./servers";
import { table } from "./stats";
import { installWatchdog } from "./watchdog";

const SECONDS = knob("BENCH_SECONDS", 10, 1, 60);
const SINGLE = knob("BENCH_CLUSTER_SINGLE", 1, 0, 1) === 1;
// Two sizes, each run once on one process and once on the cluster, plus two ingest runs: about 25
// minutes if every open, send and drain timeout ran out.
const WATCHDOG_MS = 30 * 60_000;

/** The one-process runs the cluster is compared with, as `npm run bench` makes them (there beside the baseline). */
async function singleProcessRuns(failures: string[]): Promise<SingleProcessRuns> {
  const fanout = new Map<number, CompareFanoutResult | null>();
  if (!SINGLE) return { fanout, ingest: null };
  for (const size of fanoutSizes()) {
    console.log(`\nFan-out at ${size} subscribers, Switchboard as one process on SQLite…`);
    fanout.set(size, await attempt(`Switchboard fan-out at ${size}`, failures, () => fanoutInOwnProcess("switchboard", `fanout-${size}`, sizeOptions(size))));
  }
  console.log(`\nIngest for ${SECONDS} s, Switchboard as one process on SQLite…`);
  const ingest = await attempt("Switchboard ingest", failures, () => withSwitchboard("ingest", (target) => compareIngest(target, ingestOptions(SECONDS))));
  return { fanout, ingest };
}

async function main(): Promise<boolean> {
  if (CLUSTER_PROCESSES === 0) {
    console.log("BENCH_CLUSTER_PROCESSES=0: nothing to run.");
    return true;
  }
  const started = Date.now();
  const fdNeeded = Math.max(...fanoutSizes()) + 1024;
  ensureFdLimit(fdNeeded);
  execFileSync(process.execPath, ["--import", "tsx", "scripts/ensure-build.ts"], { cwd: ROOT, stdio: "inherit" });
  const host = machine();
  printHeader(host, fdNeeded);

  const failures: string[] = [];
  const single = await singleProcessRuns(failures);
  const cluster = await runClusterPhase(SECONDS, single);
  console.log("");
  console.log(table([["summary", "result"], ...clusterSummaryRows(cluster), ["benchmark wall time", `${((Date.now() - started) / 1000).toFixed(0)} s`]]));
  console.log(`BENCH_CLUSTER_RESULT ${JSON.stringify({ date: new Date().toISOString(), machine: host, sharedCores: true, ...clusterJson(cluster), singleProcessFailures: failures })}`);
  return cluster.exactlyOnce;
}

installWatchdog(WATCHDOG_MS);

main()
  .then((ok) => process.exit(ok ? 0 : 1))
  .catch((error: unknown) => {
    console.error("benchmark failed:", error);
    process.exit(1);
  });
