// Whether this process's outbox worker is alive, for /api/health. On globalThis: the worker is
// started from ws-server.ts, the health route is compiled by Next into another module graph.
const globalForWorker = globalThis as typeof globalThis & { __switchboardWorkerHealth?: () => boolean };

export function registerWorkerHealth(check: (() => boolean) | undefined): void {
  globalForWorker.__switchboardWorkerHealth = check;
}

/** "ok" or "stalled" when this process runs a worker; null when it does not. */
export function workerHealth(): "ok" | "stalled" | null {
  const check = globalForWorker.__switchboardWorkerHealth;
  if (!check) return null;
  return check() ? "ok" : "stalled";
}
