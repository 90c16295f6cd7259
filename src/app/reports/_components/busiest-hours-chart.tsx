"use client";
// When customers write: a punch card of weekday × hour, each dot sized by the messages that came in
// then (Recharts has no heatmap; a scatter with a size axis draws the same grid).
import { useLocale, useTranslations } from "next-intl";
import { ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { ChartCard } from "./chart-card";
import { weekdayNames } from "./format";

interface Cell {
  hour: number;
  weekday: number;
  messages: number;
}

const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

export function BusiestHoursChart({ busiestHours }: { busiestHours: number[][] | null }) {
  const t = useTranslations("Reports");
  const locale = useLocale();
  const days = weekdayNames(locale, "long");
  const shortDays = weekdayNames(locale, "short");
  const cells: Cell[] = (busiestHours ?? []).flatMap((hours, weekday) => hours.map((messages, hour) => ({ hour, weekday, messages })));
  const busiest = cells.reduce<Cell | null>((top, cell) => (cell.messages > (top?.messages ?? 0) ? cell : top), null);
  const summary = busiest
    ? t("busiestSummary", { day: days[busiest.weekday] ?? "", hour: hourLabel(busiest.hour), count: busiest.messages, n: busiest.messages.toLocaleString(locale) })
    : "";
  return (
    <ChartCard title={t("busiest")} summary={summary} empty={busiest ? null : t("noCustomerMessages")}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <XAxis
            type="number"
            dataKey="hour"
            domain={[-0.5, 23.5]}
            ticks={[0, 3, 6, 9, 12, 15, 18, 21]}
            tickFormatter={hourLabel}
            tick={{ fontSize: 12, fill: "#475569" }}
            name={t("hour")}
          />
          <YAxis
            type="number"
            dataKey="weekday"
            domain={[-0.5, 6.5]}
            ticks={[0, 1, 2, 3, 4, 5, 6]}
            reversed
            tickFormatter={(weekday: number) => shortDays[weekday] ?? ""}
            tick={{ fontSize: 12, fill: "#475569" }}
            width={40}
            name={t("day")}
          />
          <ZAxis type="number" dataKey="messages" range={[0, 320]} domain={[0, busiest?.messages ?? 1]} name={t("messages")} />
          <Tooltip
            cursor={false}
            formatter={(value, name) => [String(value), String(name)]}
            labelFormatter={() => ""}
            content={({ payload }) => {
              const cell = payload?.[0]?.payload as Cell | undefined;
              if (!cell) return null;
              return (
                <div className="rounded-md bg-white px-2.5 py-1.5 text-xs text-slate-700 shadow ring-1 ring-slate-200">
                  {t("cellTooltip", { day: days[cell.weekday] ?? "", hour: hourLabel(cell.hour), count: cell.messages, n: cell.messages.toLocaleString(locale) })}
                </div>
              );
            }}
          />
          <Scatter data={cells.filter((cell) => cell.messages > 0)} fill="#059669" fillOpacity={0.8} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
