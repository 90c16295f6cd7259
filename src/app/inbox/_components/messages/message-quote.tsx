"use client";
// The message a reply quotes, above the reply's text. Clicking it (or Enter) jumps to the
// original in the log, loading older history if it is not there yet.
import { useTranslations } from "next-intl";
import type { Translator } from "@/i18n/translator";
import type { TQuote } from "@/shared/reactions";
import { useMessageActions } from "./message-actions-context";

/** A short line for a quoted message: its text, or what kind of message it is. */
export function quoteText(quote: Pick<TQuote, "type" | "body">, t: Translator<"Quote">): string {
  if (quote.body) return quote.body;
  return quote.type && quote.type !== "text" ? `${quote.type[0]!.toUpperCase()}${quote.type.slice(1)}` : t("message");
}

export function quoteAuthor(quote: Pick<TQuote, "direction">, t: Translator<"Quote">, customerName?: string): string {
  if (quote.direction === "inbound") return customerName ?? t("customer");
  return quote.direction === "note" ? t("privateNote") : t("you");
}

export function MessageQuote({ quote }: { quote: TQuote }) {
  const t = useTranslations("Quote");
  const actions = useMessageActions();
  const { id } = quote;
  if (id === null) {
    return (
      <p className="mb-1 rounded-lg border-l-4 border-slate-300 bg-slate-100/80 px-2 py-1 text-xs text-slate-500 italic">
        {t("unavailable")}
      </p>
    );
  }
  return (
    <button
      type="button"
      onClick={() => actions?.jumpTo(id)}
      aria-label={t("jumpTo", { text: quoteText(quote, t) })}
      className={`mb-1 block w-full rounded-lg border-l-4 px-2 py-1 text-left text-xs hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 ${
        quote.direction === "inbound" ? "border-sky-400 bg-sky-50/80" : "border-emerald-500 bg-emerald-100/60"
      }`}
    >
      <span className="block font-semibold text-slate-700">{quoteAuthor(quote, t)}</span>
      <span className="line-clamp-2 break-words text-slate-600">{quoteText(quote, t)}</span>
    </button>
  );
}
