// A report's days in the viewer's time zone, as instants the database compares with.
import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import type { TReportQuery } from "@/shared/reports";

export interface ReportRange {
  /** The first instant of the first day, and the first instant after the last day. */
  start: Date;
  end: Date;
  timeZone: string;
}

function startOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime());
}

export function rangeOf(query: Pick<TReportQuery, "from" | "to" | "timeZone">): ReportRange {
  const start = startOfDay(query.from, query.timeZone);
  const dayAfter = addDays(new Date(`${query.to}T00:00:00Z`), 1).toISOString().slice(0, 10);
  const end = startOfDay(dayAfter, query.timeZone);
  return { start, end, timeZone: query.timeZone };
}

/** The range's days, YYYY-MM-DD, in order. */
export function daysOf(query: Pick<TReportQuery, "from" | "to">): string[] {
  const days: string[] = [];
  for (let day = new Date(`${query.from}T00:00:00Z`); ; day = addDays(day, 1)) {
    const text = day.toISOString().slice(0, 10);
    if (text > query.to) return days;
    days.push(text);
  }
}

/** Where an instant falls in the viewer's calendar: its day, weekday (0 = Sunday) and hour. */
export function localSlot(at: Date, timeZone: string): { day: string; weekday: number; hour: number } {
  const local = new TZDate(at, timeZone);
  return { day: format(local, "yyyy-MM-dd"), weekday: local.getDay(), hour: local.getHours() };
}

/** "YYYY-MM-DD HH:mm" in the viewer's time zone (the CSV's form: spreadsheets read it as a date). */
export function localDateTime(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), "yyyy-MM-dd HH:mm");
}
