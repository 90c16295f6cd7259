// Each fan-out run gets a load generator process of its own. In one process, whichever design ran
// second was measured by a client still carrying the first run's heap (10,000 sockets' worth of
// garbage): on 2026-12-04 the 10,000-subscriber p99 to the last subscriber was 1.07–1.76× for
// Switchboard run after the baseline, 0.53× for the baseline run after Switchboard, and 1.15×
// with each in a fresh process. A fresh client per run makes the order irrelevant.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { CompareFanoutOptions, CompareFanoutResult } from "./compare-fanout";
import type { FanoutAnswer, FanoutSpec } from "./fanout-child";
import { reserveSourceAddresses } from "./load/raw-clients";

const CHILD = path.join(import.meta.dirname, "fanout-child.ts");
const children = new Set<ChildProcess>();
// A benchmark stopped by its watchdog (or a throw) takes its runs with it; each then stops its server.
process.on("exit", () => children.forEach((child) => child.kill()));

export function fanoutInOwnProcess(design: FanoutSpec["design"], label: string, options: CompareFanoutOptions): Promise<CompareFanoutResult> {
  // Reserved here, so the next run (in this process or another child) starts past them.
  const firstSourceAddress = reserveSourceAddresses(options.subscriptions);
  const spec: FanoutSpec = { design, label, options, firstSourceAddress };
  return new Promise((resolve, reject) => {
    // fork passes this process's loader flags (tsx) on, so the child runs TypeScript as this one does.
    const child = fork(CHILD, [JSON.stringify(spec)], { stdio: "inherit" });
    children.add(child);
    let answer: FanoutAnswer | null = null;
    child.on("message", (message) => (answer = message as FanoutAnswer));
    child.once("error", reject);
    child.once("exit", (code) => {
      children.delete(child);
      if (answer?.ok) resolve(answer.result);
      else reject(new Error(answer?.error ?? `the ${label} run's process exited with ${code}`));
    });
  });
}
