// Small statistics and formatting helpers for the benchmark report.
import { performance } from "node:perf_hooks";

export interface Summary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (0 when empty). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? 0) : 0,
  };
}

/** Rounds to `digits` decimals, for the JSON result. */
export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export function roundSummary(summary: Summary, digits = 1): Summary {
  return {
    count: summary.count,
    p50: round(summary.p50, digits),
    p90: round(summary.p90, digits),
    p99: round(summary.p99, digits),
    max: round(summary.max, digits),
  };
}

/** A plain-text table: the first row is the header; columns after the first are right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  const [header, ...body] = rows;
  if (!header) return "";
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Starts measuring this process's CPU time; the returned function gives it as a share of one core. */
export function startCpuMeter(): () => number {
  const startCpu = process.cpuUsage();
  const startWall = performance.now();
  return () => {
    const used = process.cpuUsage(startCpu);
    return (used.user + used.system) / 1000 / Math.max(1, performance.now() - startWall);
  };
}

export const percent = (share: number) => `${(share * 100).toFixed(0)} %`;
