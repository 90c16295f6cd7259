// What the benchmark ran on, and the file-descriptor limit it needs (one socket per subscriber
// in this process, and as many again in the server, which inherits the same limits).
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  fdSoft: string;
  fdHard: string;
  loadAverage: string;
}

function fdLimits(): { soft: string; hard: string } {
  const [soft = "?", hard = "?"] = execFileSync("sh", ["-c", "ulimit -Sn; ulimit -Hn"], { encoding: "utf8" }).trim().split("\n");
  return { soft, hard };
}

const asNumber = (limit: string) => (limit === "unlimited" ? Number.POSITIVE_INFINITY : Number(limit));

export function machine(): Machine {
  const { soft, hard } = fdLimits();
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    fdSoft: soft,
    fdHard: hard,
    loadAverage: os.loadavg().slice(0, 2).map((load) => load.toFixed(2)).join(" / "),
  };
}

/**
 * Fails clearly unless this process may open `needed` files. Node raises its own soft limit to the
 * hard limit at startup, so only the hard limit (`ulimit -Hn`) can stand in the way, and only root
 * can raise that; the server child inherits the same limits.
 */
export function ensureFdLimit(needed: number): void {
  const { soft, hard } = fdLimits();
  if (asNumber(soft) >= needed) return;
  throw new Error(`needs ${needed} open files but ulimit -n is ${soft} (hard ${hard}); raise it, e.g. \`ulimit -n ${needed}\`, or set BENCH_FANOUT_SIZES or BENCH_BIG_SUBSCRIPTIONS lower`);
}
