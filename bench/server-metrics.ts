// Reads the server's own view from GET /api/metrics (Prometheus text), with the token every
// benchmark server is started with (BENCH_SERVER_ENV in ./servers.ts).
export const BENCH_METRICS_TOKEN = "bench-metrics-token-not-a-secret";

/** The values of unlabelled series `names` (NaN where absent), from one read of the page. */
async function metrics(baseUrl: string, names: readonly string[]): Promise<number[]> {
  const response = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } });
  const lines = (await response.text()).split("\n");
  return names.map((name) => {
    const line = lines.find((candidate) => candidate.startsWith(`${name} `));
    return line ? Number(line.slice(name.length + 1)) : Number.NaN;
  });
}

export async function metric(baseUrl: string, name: string): Promise<number> {
  const [value] = await metrics(baseUrl, [name]);
  return value ?? Number.NaN;
}

/** What a server has spent on fan-out so far: total milliseconds over how many fan-outs. */
export interface FanoutTotals {
  ms: number;
  count: number;
}

/** Switchboard's fan-out histogram (from the hub's receiving committed events to their frames written). */
export async function fanoutTotals(baseUrl: string): Promise<FanoutTotals> {
  const [seconds = Number.NaN, count = Number.NaN] = await metrics(baseUrl, [
    "switchboard_fanout_duration_seconds_sum",
    "switchboard_fanout_duration_seconds_count",
  ]);
  return { ms: seconds * 1000, count };
}

/** Open live-event subscriptions as the server counts them. */
export const liveSubscriptions = (baseUrl: string) => metric(baseUrl, "switchboard_live_subscriptions");

/**
 * The longest the server's event loop was held, in ms, since the previous read (prom-client's
 * event-loop delay monitor, 10 ms resolution, resets on every read of the page).
 */
export const longestLoopDelayMs = async (baseUrl: string) => (await metric(baseUrl, "nodejs_eventloop_lag_max_seconds")) * 1000;
