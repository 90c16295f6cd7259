// How the Reports page writes its figures.
import type { Translator } from "@/i18n/translator";

/** A duration in the largest two units that say it: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(seconds: number | null, t: Translator<"Reports.duration">): string {
  if (seconds === null) return "—";
  if (seconds < 60) return t("seconds", { s: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t("minutes", { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? t("hours", { h: hours }) : t("hoursMinutes", { h: hours, m: minutes % 60 });
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? t("days", { d: days }) : t("daysHours", { d: days, h: hours % 24 });
}

/** A calendar day as YYYY-MM-DD, in the browser's time zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last `days` days, today included. */
export function lastDays(days: number, today = new Date()): { from: string; to: string } {
  const from = new Date(today);
  from.setDate(from.getDate() - (days - 1));
  return { from: localDay(from), to: localDay(today) };
}

/** The weekdays' names in the person's language, Sunday first (the report's weekday 0). */
export function weekdayNames(locale: string, width: "long" | "short"): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" });
  // 4 January 1970 was a Sunday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(1970, 0, 4 + day))));
}
