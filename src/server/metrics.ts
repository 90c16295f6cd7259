// Counters for /api/metrics (Prometheus text format), on globalThis so the webhook route and the
// WebSocket server count into the same place.
type Counters = Map<string, { help: string; value: number }>;

const globalForMetrics = globalThis as typeof globalThis & { __switchboardMetrics?: Counters };
const counters = (): Counters => (globalForMetrics.__switchboardMetrics ??= new Map());

export function increment(name: string, help: string, by = 1): void {
  const counter = counters().get(name) ?? { help, value: 0 };
  counter.value += by;
  counters().set(name, counter);
}

export function renderMetrics(gauges: Record<string, { help: string; value: number }>): string {
  const lines: string[] = [];
  for (const [name, counter] of counters()) {
    lines.push(`# HELP ${name} ${counter.help}`, `# TYPE ${name} counter`, `${name} ${counter.value}`);
  }
  for (const [name, gauge] of Object.entries(gauges)) {
    lines.push(`# HELP ${name} ${gauge.help}`, `# TYPE ${name} gauge`, `${name} ${gauge.value}`);
  }
  return `${lines.join("\n")}\n`;
}
