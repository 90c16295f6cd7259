"use client";
// Messages in (from customers) and out (replies) per day, as grouped bars.
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TReportDay } from "@/shared/reports";
import { ChartCard } from "./chart-card";


export function MessagesChart({ days }: { days: TReportDay[] }) {
  const inbound = days.reduce((total, day) => total + day.inbound, 0);
  const outbound = days.reduce((total, day) => total + day.outbound, 0);
  const t = useTranslations("Reports");
  const locale = useLocale();
  const shortDay = (day: string) => new Date(`${day}T12:00:00`).toLocaleDateString(locale, { month: "short", day: "numeric" });
  const summary = t("perDaySummary", { inbound: inbound.toLocaleString(locale), outbound: outbound.toLocaleString(locale), days: days.length });
  return (
    <ChartCard title={t("perDay")} summary={summary} empty={inbound + outbound === 0 ? t("noMessages") : null}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 12, fill: "#475569" }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} />
          <Tooltip labelFormatter={(day) => shortDay(String(day))} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Bar dataKey="inbound" name={t("in")} fill="#059669" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="outbound" name={t("out")} fill="#64748b" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
