// Bounds a whole benchmark run whatever the knobs, and never leaves a server behind: past the
// deadline, or on a throw outside every phase's promise (in a client's socket listener, say), every
// server the run started is stopped (./servers.ts) and the process exits non-zero.
import { stopAll } from "./servers";

export function installWatchdog(limitMs: number): void {
  const watchdog = setTimeout(() => {
    console.error(`benchmark did not finish in ${limitMs / 1000} s; stopping`);
    void stopAll().finally(() => process.exit(1));
  }, limitMs);
  watchdog.unref();
  process.on("uncaughtException", (error) => {
    console.error("benchmark failed:", error);
    void stopAll().finally(() => process.exit(1));
  });
}
