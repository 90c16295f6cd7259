// Reads the server's own view from GET /api/metrics (Prometheus text), with the token every
// benchmark server is started with (BENCH_SERVER_ENV in ./servers.ts).
export const BENCH_METRICS_TOKEN = "bench-metrics-token-not-a-secret";

export async function metric(baseUrl: string, name: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } });
  const text = await response.text();
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : Number.NaN;
}

/** Open live-event subscriptions as the server counts them. */
export const liveSubscriptions = (baseUrl: string) => metric(baseUrl, "switchboard_live_subscriptions");
