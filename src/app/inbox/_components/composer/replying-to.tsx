"use client";
// Above the composer while a reply quotes a message: "Replying to …", with a way to cancel.
// Appearing moves focus to the message box, so the reply can be typed at once; Escape cancels.
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { TMessage } from "@/shared/dto";
import { quoteAuthor, quoteText } from "../messages/message-quote";

export function ReplyingTo({ message, customerName, onCancel }: { message: TMessage; customerName?: string; onCancel: () => void }) {
  const t = useTranslations("Composer");
  const tQuote = useTranslations("Quote");
  const ref = useRef<HTMLDivElement>(null);
  const box = () => ref.current?.closest("footer")?.querySelector("textarea");
  useEffect(() => {
    box()?.focus();
  }, [message.id]);
  useEffect(() => {
    const textarea = box();
    const onKey = (event: KeyboardEvent) => {
      // While the box controls the open "Canned responses" list, Escape closes that list only.
      if (event.key === "Escape" && !textarea?.hasAttribute("aria-controls")) onCancel();
    };
    textarea?.addEventListener("keydown", onKey);
    return () => textarea?.removeEventListener("keydown", onKey);
  }, [onCancel]);
  const who = message.direction === "outbound" && message.authorName ? message.authorName : quoteAuthor(message, tQuote, customerName);
  return (
    <div
      ref={ref}
      className="flex items-center gap-2 rounded-lg border-l-4 border-emerald-500 bg-emerald-50/70 px-3 py-1.5 text-xs ring-1 ring-emerald-100 ring-inset"
    >
      <p className="min-w-0 flex-1">
        <span className="font-semibold text-emerald-900">{t("replyingTo", { name: who })}</span>
        <span className="block truncate text-slate-600">{quoteText(message, tQuote)}</span>
      </p>
      <button
        type="button"
        onClick={() => {
          onCancel();
          box()?.focus();
        }}
        aria-label={t("cancelReply")}
        title={t("cancelReplyTitle")}
        className="flex size-6 shrink-0 items-center justify-center rounded-full text-slate-500 hover:bg-emerald-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-emerald-600"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    </div>
  );
}
