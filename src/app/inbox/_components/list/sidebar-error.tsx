"use client";
import { useTranslations } from "next-intl";

/** What the sidebar shows when its list could not be loaded: the reason, and a way to try again. */
export function SidebarError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useTranslations("Common");
  return (
    <div className="flex flex-col items-start gap-2 px-4 py-6 text-sm text-slate-600">
      <p>{message}</p>
      <button
        type="button"
        onClick={onRetry}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
      >
        {t("tryAgain")}
      </button>
    </div>
  );
}
