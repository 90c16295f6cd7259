// Reads the server's own view from GET /api/metrics (Prometheus text).
export async function metric(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/api/metrics`)).text();
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : Number.NaN;
}

/** Open live-event subscriptions as the server counts them. */
export const liveSubscriptions = (baseUrl: string) => metric(baseUrl, "switchboard_live_subscriptions");
