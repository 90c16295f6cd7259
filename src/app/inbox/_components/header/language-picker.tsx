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
      <label htmlFor={id} className="flex items-center gap-1.5 text-sm text-slate-600">
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 text-slate-500">
          <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM4.33 8.5a5.5 5.5 0 0 1 3.1-4.12A11.6 11.6 0 0 0 6.5 8.5H4.33Zm2.18 1.5H4.33a5.5 5.5 0 0 0 3.1 4.12A11.6 11.6 0 0 1 6.5 10Zm1.5 0h3.98a10 10 0 0 1-1.99 4.96A10 10 0 0 1 8.01 10Zm3.98-1.5H8.01A10 10 0 0 1 10 3.54a10 10 0 0 1 1.99 4.96Zm1.5 1.5a11.6 11.6 0 0 1-.93 4.12A5.5 5.5 0 0 0 15.67 10h-2.18Zm2.18-1.5h-2.18a11.6 11.6 0 0 0-.93-4.12 5.5 5.5 0 0 1 3.11 4.12Z" clipRule="evenodd" />
        </svg>
        <span className="md:sr-only">{t("language")}</span>
      </label>
      <select
        id={id}
        value={locale}
        aria-busy={busy}
        disabled={busy}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLanguage.mutate({ locale: event.target.value });
        }}
        className="field-sizing-content rounded-md border border-transparent bg-transparent py-1 pr-7 pl-1 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 disabled:opacity-60 max-md:border-slate-300"
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
