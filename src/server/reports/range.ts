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

export interface LocalSlot {
  day: string;
  /** 0 = Sunday. */
  weekday: number;
  hour: number;
}

const DAY_MS = 86_400_000;
const offsetMinutes = (ms: number, timeZone: string) => new TZDate(ms, timeZone).getTimezoneOffset();

/**
 * Where instants fall in the viewer's calendar: its day, weekday and hour. A year of hourly rows
 * is 8,784 instants; a time-zone date for each took ~200 ms (timed for bench/reports.ts),
 * so the zone's offset is looked up once per UTC day, and hour by hour only on a day it changes.
 */
export function localSlots(timeZone: string): (at: Date) => LocalSlot {
  const offsetsByDay = new Map<number, number | number[]>();
  const offsetAt = (ms: number): number => {
    const day = Math.floor(ms / DAY_MS);
    let offsets = offsetsByDay.get(day);
    if (offsets === undefined) {
      const first = offsetMinutes(day * DAY_MS, timeZone);
      const same = first === offsetMinutes((day + 1) * DAY_MS, timeZone);
      offsets = same ? first : Array.from({ length: 24 }, (_, hour) => offsetMinutes(day * DAY_MS + hour * 3_600_000, timeZone));
      offsetsByDay.set(day, offsets);
    }
    return typeof offsets === "number" ? offsets : offsets[new Date(ms).getUTCHours()]!;
  };
  return (at) => {
    const local = new Date(at.getTime() - offsetAt(at.getTime()) * 60_000);
    return { day: local.toISOString().slice(0, 10), weekday: local.getUTCDay(), hour: local.getUTCHours() };
  };
}

/** "YYYY-MM-DD HH:mm" in the viewer's time zone (the CSV's form: spreadsheets read it as a date). */
export function localDateTime(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), "yyyy-MM-dd HH:mm");
}
