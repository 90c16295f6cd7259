// Times arrive as ISO strings in UTC and are shown in the browser's own zone and locale.

const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const monthDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const monthDayYear = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", year: "numeric" });
const weekdayDate = new Intl.DateTimeFormat(undefined, { weekday: "long", month: "long", day: "numeric" });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function isSameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:05" today, "Mar 3" this year, "Mar 3, 2025" before. */
export function formatListTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (isSameDay(date, now)) return clock.format(date);
  return date.getFullYear() === now.getFullYear() ? monthDay.format(date) : monthDayYear.format(date);
}

/** "14:05". */
export function formatClock(iso: string): string {
  return clock.format(new Date(iso));
}

/** "Mar 3, 2026, 14:05" for tooltips. */
export function formatFull(iso: string): string {
  return full.format(new Date(iso));
}

/** A local calendar day, for grouping messages: "2026-03-03". */
export function localDayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** "Today", "Yesterday", "Tuesday, March 3" or "Mar 3, 2025". */
export function formatDay(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (isSameDay(date, now)) return "Today";
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (isSameDay(date, yesterday)) return "Yesterday";
  return date.getFullYear() === now.getFullYear() ? weekdayDate.format(date) : monthDayYear.format(date);
}
