// The report's headline figures: conversations opened and resolved, and the two durations.
import type { TDurationStats, TReport } from "@/shared/reports";
import { formatDuration } from "./format";

function Card({ title, value, detail }: { title: string; value: string; detail: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm font-medium text-slate-600">{title}</dt>
      <dd className="text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      <dd className="text-xs text-slate-500">{detail}</dd>
    </div>
  );
}

const durationDetail = (stats: TDurationStats | undefined, one: string, many: string) =>
  stats && stats.count > 0
    ? `90% within ${formatDuration(stats.p90)} · ${stats.count.toLocaleString()} ${stats.count === 1 ? one : many}`
    : `No ${many} in this range`;

export function SummaryCards({ report }: { report: TReport | undefined }) {
  const count = (n: number | undefined) => (n === undefined ? "…" : n.toLocaleString());
  return (
    <dl aria-label="Summary" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Card title="Conversations opened" value={count(report?.opened)} detail="New, or reopened by a customer or agent" />
      <Card title="Conversations resolved" value={count(report?.resolved)} detail="Marked resolved in this range" />
      <Card
        title="First response (median)"
        value={report ? formatDuration(report.firstResponse.median) : "…"}
        detail={durationDetail(report?.firstResponse, "first reply", "first replies")}
      />
      <Card title="Resolution time (median)" value={report ? formatDuration(report.resolution.median) : "…"} detail={durationDetail(report?.resolution, "resolution", "resolutions")} />
    </dl>
  );
}
