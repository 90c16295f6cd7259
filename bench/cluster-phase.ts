// The cluster phase of `npm run bench` (issue 10): Switchboard as N web processes on one PostgreSQL
// and one Redis, measured by the very runs the single process gets (./compare-fanout.ts at each
// size in BENCH_FANOUT_SIZES, ./compare-ingest.ts's sustained ingest), with subscribers spread
// round-robin over the processes and webhooks posted to each in turn, as a round-robin proxy would.
// Every run gets a fresh cluster (new database, new Redis) on one throwaway PostgreSQL server, and
// is printed beside the one-process SQLite figures of the same run.
import type { CompareFanoutResult } from "./compare-fanout";
import { fanoutInOwnProcess } from "./fanout-process";
import { compareIngest, type CompareIngestResult } from "./compare-ingest";
import { attempt, fanoutSizes, ingestOptions, sizeOptions } from "./compare-phases";
import { fanoutExactlyOnce, ingestExactlyOnce } from "./compare-report";
import { printClusterFanout, printClusterIngest } from "./cluster-report";
import { knob } from "./knobs";
import { withCluster, withPostgres } from "./servers";

/** Web processes in the cluster; 0 skips the phase. Two cores here, so more than 8 only measures the scheduler. */
export const CLUSTER_PROCESSES = knob("BENCH_CLUSTER_PROCESSES", 4, 0, 8);

/** The one-process (SQLite) runs of the same benchmark run, which the cluster's figures are printed beside. */
export interface SingleProcessRuns {
  fanout: ReadonlyMap<number, CompareFanoutResult | null>;
  ingest: CompareIngestResult | null;
}

export interface ClusterPhaseResult {
  processes: number;
  fanout: { size: number; single: CompareFanoutResult | null; cluster: CompareFanoutResult | null }[];
  ingest: { single: CompareIngestResult | null; cluster: CompareIngestResult | null };
  failures: string[];
  /** Every cluster run completed, and no (message, subscriber) pair was lost or doubled, no webhook refused. */
  exactlyOnce: boolean;
}

export async function runClusterPhase(seconds: number, single: SingleProcessRuns): Promise<ClusterPhaseResult> {
  const processes = CLUSTER_PROCESSES;
  const failures: string[] = [];
  // Sequential, like every phase: the client and the processes share the two cores.
  const runs = await attempt("cluster phase", failures, () =>
    withPostgres(async () => {
      const fanout: ClusterPhaseResult["fanout"] = [];
      for (const size of fanoutSizes()) {
        console.log(`\nFan-out at ${size} subscribers over a fresh cluster of ${processes} web processes (PostgreSQL + Redis)…`);
        const cluster = await attempt(`cluster fan-out at ${size}`, failures, () =>
          fanoutInOwnProcess({ cluster: processes }, `cluster-fanout-${size}`, sizeOptions(size)),
        );
        const alone = single.fanout.get(size) ?? null;
        printClusterFanout(alone, cluster, processes);
        fanout.push({ size, single: alone, cluster });
      }
      console.log(`\nIngest for ${seconds} s over a fresh cluster of ${processes} web processes, webhooks posted to each in turn…`);
      const ingest = await attempt("cluster ingest", failures, () =>
        withCluster("cluster-ingest", processes, (target) => compareIngest(target, ingestOptions(seconds))),
      );
      printClusterIngest(single.ingest, ingest, processes, seconds);
      return { fanout, ingest };
    }),
  );
  const fanout = runs?.fanout ?? [];
  const ingest = runs?.ingest ?? null;
  // A run that did not complete cannot vouch for its messages.
  const exactlyOnce =
    failures.length === 0 && fanout.every(({ cluster }) => cluster !== null && fanoutExactlyOnce(cluster)) && ingest !== null && ingestExactlyOnce(ingest);
  return { processes, fanout, ingest: { single: single.ingest, cluster: ingest }, failures, exactlyOnce };
}
