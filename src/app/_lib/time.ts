// Times arrive as ISO strings in UTC and are shown in the browser's own zone, in the person's
// language (src/i18n/): "14:05", "3 de mar.", "Hoy".

interface Formats {
  clock: Intl.DateTimeFormat;
  monthDay: Intl.DateTimeFormat;
  monthDayYear: Intl.DateTimeFormat;
  weekdayDate: Intl.DateTimeFormat;
  full: Intl.DateTimeFormat;
}

const formatsByLocale = new Map<string, Formats>();

function formatsFor(locale: string): Formats {
  let formats = formatsByLocale.get(locale);
  if (!formats) {
    formats = {
      clock: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
      monthDay: new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" }),
      monthDayYear: new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", year: "numeric" }),
      weekdayDate: new Intl.DateTimeFormat(locale, { weekday: "long", month: "long", day: "numeric" }),
      full: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }),
    };
    formatsByLocale.set(locale, formats);
  }
  return formats;
}

function isSameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "14:05" today, "Mar 3" this year, "Mar 3, 2025" before. */
export function formatListTime(locale: string, iso: string, now = new Date()): string {
  const date = new Date(iso);
  const formats = formatsFor(locale);
  if (isSameDay(date, now)) return formats.clock.format(date);
  return date.getFullYear() === now.getFullYear() ? formats.monthDay.format(date) : formats.monthDayYear.format(date);
}

/** "14:05". */
export function formatClock(locale: string, iso: string): string {
  return formatsFor(locale).clock.format(new Date(iso));
}

/** "Mar 3, 2026, 14:05" for tooltips. */
export function formatFull(locale: string, iso: string): string {
  return formatsFor(locale).full.format(new Date(iso));
}

/** A local calendar day, for grouping messages: "2026-03-03". */
export function localDayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** `today` or `yesterday` (to be said in the person's words), else "Tuesday, March 3" or "Mar 3, 2025". */
export function formatDay(locale: string, iso: string, words: { today: string; yesterday: string }, now = new Date()): string {
  const date = new Date(iso);
  if (isSameDay(date, now)) return words.today;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (isSameDay(date, yesterday)) return words.yesterday;
  const formats = formatsFor(locale);
  return date.getFullYear() === now.getFullYear() ? formats.weekdayDate.format(date) : formats.monthDayYear.format(date);
}
