"use client";
// "Ada is typing…" just above the composer. The line keeps its height when empty, so the log and
// the composer never move as people start and stop. The status element exists only while someone
// types: otherwise the page's one status is the connection indicator ("Live").
import { useLocale, useTranslations } from "next-intl";
import { useTypists } from "../../_hooks/use-presence";
import { typingText } from "../../_lib/typing-state";

export function TypingIndicator({ conversationId }: { conversationId: string }) {
  const t = useTranslations("Typing");
  const locale = useLocale();
  const text = typingText(useTypists(conversationId).map((typist) => typist.name), t, locale);
  return (
    <div className="h-6 shrink-0 px-4 sm:px-8">
      {text && (
        <p role="status" className="mx-auto flex h-full max-w-3xl items-center gap-1.5 px-1 text-xs text-slate-600">
          <span aria-hidden="true" className="flex gap-0.5">
            <span className="size-1 animate-pulse rounded-full bg-slate-400" />
            <span className="size-1 animate-pulse rounded-full bg-slate-400 [animation-delay:150ms]" />
            <span className="size-1 animate-pulse rounded-full bg-slate-400 [animation-delay:300ms]" />
          </span>
          <span className="truncate">{text}</span>
        </p>
      )}
    </div>
  );
}
