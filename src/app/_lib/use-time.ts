"use client";
// The time formats of src/app/_lib/time.ts, and numbers, in the person's language: one place for both.
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { formatClock, formatDay, formatFull, formatListTime } from "./time";

export function useTime() {
  const locale = useLocale();
  const t = useTranslations("Time");
  return useMemo(
    () => ({
      listTime: (iso: string) => formatListTime(locale, iso),
      clock: (iso: string) => formatClock(locale, iso),
      full: (iso: string) => formatFull(locale, iso),
      day: (iso: string) => formatDay(locale, iso, { today: t("today"), yesterday: t("yesterday") }),
      number: (n: number) => n.toLocaleString(locale),
    }),
    [locale, t],
  );
}
