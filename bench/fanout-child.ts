// One fan-out run in a load-generator process of its own, started by ./fanout-process.ts: starts
// its design's server (or cluster), runs compareFanout, sends the result to its parent and stops the server.
// If the parent goes away, it stops its server and exits.
import { compareFanout, type CompareFanoutOptions, type CompareFanoutResult } from "./compare-fanout";
import { continueSourceAddressesAt } from "./load/raw-clients";
import { stopAll, withBaseline, withCluster, withSwitchboard } from "./servers";
import { installWatchdog } from "./watchdog";

export interface FanoutSpec {
  /** A cluster runs on the PostgreSQL server the parent's `withPostgres` announced in the environment. */
  design: "baseline" | "switchboard" | { cluster: number };
  /** The server's label (its log and CPU profile names). */
  label: string;
  options: CompareFanoutOptions;
  /** Where this process's sockets start (load/raw-clients.ts), past every earlier run's. */
  firstSourceAddress: number;
}

export type FanoutAnswer = { ok: true; result: CompareFanoutResult } | { ok: false; error: string };

// The run's own timeouts add up to well under this; the parent's watchdog bounds the whole benchmark.
const CHILD_LIMIT_MS = 20 * 60_000;

async function main() {
  const send = (answer: FanoutAnswer) => new Promise<void>((resolve) => process.send?.(answer, () => resolve()) ?? resolve());
  const spec = JSON.parse(process.argv[2] ?? "null") as FanoutSpec;
  installWatchdog(CHILD_LIMIT_MS);
  continueSourceAddressesAt(spec.firstSourceAddress);
  process.on("disconnect", () => void stopAll().finally(() => process.exit(1)));
  try {
    const { design, label, options } = spec;
    const result =
      design === "baseline"
        ? await withBaseline(label, (target) => compareFanout(target, options))
        : design === "switchboard"
          ? await withSwitchboard(label, (target) => compareFanout(target, options))
          : await withCluster(label, design.cluster, (target) => compareFanout(target, options));
    await send({ ok: true, result });
  } catch (error) {
    await send({ ok: false, error: String(error) });
  }
  await stopAll();
  process.exit(0);
}

void main();
