"use client";
// The report's headline figures: conversations opened and resolved, and the two durations.
import { useLocale, useTranslations } from "next-intl";
import type { TDurationStats, TReport } from "@/shared/reports";
import type { Translator } from "@/i18n/translator";
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

interface Words {
  t: Translator<"Reports">;
  tDuration: Translator<"Reports.duration">;
  locale: string;
}

const durationDetail = (stats: TDurationStats | undefined, what: "firstReplies" | "resolutions", { t, tDuration, locale }: Words) =>
  stats && stats.count > 0
    ? t("within90", { duration: formatDuration(stats.p90, tDuration), what: t(what, { count: stats.count, n: stats.count.toLocaleString(locale) }) })
    : t(`none.${what}`);

export function SummaryCards({ report }: { report: TReport | undefined }) {
  const t = useTranslations("Reports");
  const tDuration = useTranslations("Reports.duration");
  const locale = useLocale();
  const count = (n: number | undefined) => (n === undefined ? "…" : n.toLocaleString(locale));
  return (
    <dl aria-label={t("summary")} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Card title={t("opened")} value={count(report?.opened)} detail={t("openedDetail")} />
      <Card title={t("resolved")} value={count(report?.resolved)} detail={t("resolvedDetail")} />
      <Card
        title={t("firstResponse")}
        value={report ? formatDuration(report.firstResponse.median, tDuration) : "…"}
        detail={durationDetail(report?.firstResponse, "firstReplies", { t, tDuration, locale })}
      />
      <Card title={t("resolution")} value={report ? formatDuration(report.resolution.median, tDuration) : "…"} detail={durationDetail(report?.resolution, "resolutions", { t, tDuration, locale })} />
    </dl>
  );
}
