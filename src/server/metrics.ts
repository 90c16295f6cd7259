// Prometheus metrics for /api/metrics, through prom-client. One Registry per process, on
// globalThis: the webhook route (compiled by Next into its own module graph) and the code that
// ws-server.ts loads (the live hub, the outbox worker) must count into the same place.
//
// No default labels: several processes are told apart by the scraper's `instance` label and by
// switchboard_process_info, and the plain `name value` lines stay as they were for readers that
// look for them (bench/server-metrics.ts).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export type ProcessRole = "web" | "worker";

/** Point-in-time values that /api/metrics reads when it is asked, by name. */
const STATE_GAUGES = {
  switchboard_live_subscriptions: "Open live-event subscriptions",
  switchboard_outbox_queued: "Replies waiting to be sent (including retries)",
  switchboard_outbox_failed: "Replies that failed and wait for a person to retry",
  switchboard_outbox_in_doubt: "Replies whose send got no answer; WhatsApp may have them",
} as const;

export type StateGauge = keyof typeof STATE_GAUGES;

interface Metrics {
  readonly registry: Registry;
  /** Counters made on first use by name, so callers need no registration step. */
  readonly counters: Map<string, Counter>;
  readonly webhookDuration: Histogram<"status">;
  readonly fanoutDuration: Histogram;
  readonly processInfo: Gauge<"pid" | "role">;
  readonly state: Record<StateGauge, Gauge>;
}

function createMetrics(): Metrics {
  const registry = new Registry();
  // Process metrics (CPU, memory, heap, event-loop lag, GC); registering them twice would throw,
  // and this runs once per process because the result is kept on globalThis.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const processInfo = new Gauge({
    name: "switchboard_process_info",
    help: "Always 1; its labels say which process (pid) and what it does (role) when several are scraped",
    labelNames: ["pid", "role"] as const,
    registers,
  });
  processInfo.set({ pid: String(process.pid), role: "web" }, 1);
  const state = Object.fromEntries(
    Object.entries(STATE_GAUGES).map(([name, help]) => [name, new Gauge({ name, help, registers })]),
  ) as Record<StateGauge, Gauge>;
  return {
    registry,
    counters: new Map(),
    webhookDuration: new Histogram({
      name: "switchboard_webhook_duration_seconds",
      help: "Time to handle a webhook POST, from its arrival to the answer, by HTTP status",
      labelNames: ["status"] as const,
      // WhatsApp wants an answer within seconds; a healthy delivery is answered in milliseconds.
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    fanoutDuration: new Histogram({
      name: "switchboard_fanout_duration_seconds",
      help: "Time from a batch of bus events reaching the live hub to its frames being written to the sockets",
      // Fan-out is synchronous work on the event loop: sub-millisecond when healthy.
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    processInfo,
    state,
  };
}

const globalForMetrics = globalThis as typeof globalThis & { __switchboardMetrics?: Metrics };
const metrics = (): Metrics => (globalForMetrics.__switchboardMetrics ??= createMetrics());

/** The process's registry: /api/metrics answers `registry.metrics()` with `registry.contentType`. */
export function metricsRegistry(): Registry {
  return metrics().registry;
}

/** Adds `by` to the counter `name`, creating it (with `help`) on first use. */
export function increment(name: string, help: string, by = 1): void {
  const { counters, registry } = metrics();
  let counter = counters.get(name);
  if (!counter) {
    counter = new Counter({ name, help, registers: [registry] });
    counters.set(name, counter);
  }
  counter.inc(by);
}

/** What this process does, for switchboard_process_info ("web" unless told otherwise). */
export function setProcessRole(role: ProcessRole): void {
  const { processInfo } = metrics();
  processInfo.reset();
  processInfo.set({ pid: String(process.pid), role }, 1);
}

/** Sets the point-in-time gauges; /api/metrics calls it just before rendering. */
export function setStateGauges(values: Record<StateGauge, number>): void {
  const { state } = metrics();
  for (const name of Object.keys(STATE_GAUGES) as StateGauge[]) state[name].set(values[name]);
}

/** Times one webhook POST, labelled with the status it was answered with (500 when it threw). */
export async function timeWebhook<Answer extends { status: number }>(handle: () => Promise<Answer>): Promise<Answer> {
  const stop = metrics().webhookDuration.startTimer();
  try {
    const response = await handle();
    stop({ status: String(response.status) });
    return response;
  } catch (error) {
    stop({ status: "500" });
    throw error;
  }
}

/** Starts timing one fan-out batch; call the result once its frames are written. */
export function startFanoutTimer(): () => void {
  const stop = metrics().fanoutDuration.startTimer();
  return () => void stop();
}
