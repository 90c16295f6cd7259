"use client";
// The person's language for the dashboard, kept with their account (every device they sign in
// on); the page is drawn again in it at once. Until they pick one it follows their browser.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { LOCALES, LOCALE_NAMES, isLocale } from "@/i18n/locales";
import { api } from "@/trpc/react";

export function LanguagePicker({ className = "" }: { className?: string }) {
  const t = useTranslations("Header");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [refreshing, startRefresh] = useTransition();
  const setLanguage = api.account.setLanguage.useMutation({ onSuccess: () => startRefresh(() => router.refresh()) });
  const busy = setLanguage.isPending || refreshing;
  return (
    <span className={`flex items-center gap-1.5 px-2.5 py-1 max-md:justify-between ${className}`}>
      <label htmlFor={id} className="text-sm text-slate-600 md:sr-only">
        {t("language")}
      </label>
      <select
        id={id}
        value={locale}
        aria-busy={busy}
        disabled={busy}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLanguage.mutate({ locale: event.target.value });
        }}
        className="rounded-md border border-slate-300 bg-white py-1 pr-7 pl-2 text-sm text-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 disabled:opacity-60"
      >
        {LOCALES.map((value) => (
          <option key={value} value={value} lang={value}>
            {LOCALE_NAMES[value]}
          </option>
        ))}
      </select>
    </span>
  );
}
