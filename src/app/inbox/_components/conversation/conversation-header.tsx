"use client";
import { useTranslations } from "next-intl";
import type { TConversationSummary } from "@/shared/dto";
import Link from "next/link";
import type { ReactNode } from "react";
import { Avatar } from "../avatar";
import { ConversationActions } from "./conversation-actions";
import { ConversationLabels, LabelsControl } from "./labels-control";

/**
 * `contactButton` opens the contact panel where it is not always shown (./contact-panel.tsx).
 * Where the conversation is narrow (a phone), the owner and status controls go to a second row
 * under the name instead of pushing past the edge; the width that counts is the conversation's
 * own (a container query), not the window's, since the list and the panel take their share.
 */
export function ConversationHeader({ summary, contactButton }: { summary: TConversationSummary | undefined; contactButton?: ReactNode }) {
  const t = useTranslations("Conversation");
  return (
    <div className="@container shrink-0 border-b border-slate-200 bg-white">
    <div className="flex min-h-16 flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2 @xl:h-16 @xl:flex-nowrap @xl:py-0">
      <Link
        href="/inbox"
        aria-label={t("back")}
        className="-ml-1 flex items-center gap-0.5 rounded-md py-1 pr-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-600 md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
          <path fillRule="evenodd" d="M12.8 4.2a.75.75 0 0 1 0 1.06L8.06 10l4.74 4.74a.75.75 0 1 1-1.06 1.06l-5.27-5.27a.75.75 0 0 1 0-1.06l5.27-5.27a.75.75 0 0 1 1.06 0Z" clipRule="evenodd" />
        </svg>
        {t("backShort")}
      </Link>
      {summary ? (
        <>
          <Avatar name={summary.contact.name} seed={summary.contact.id} size="lg" />
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-[15px] font-semibold text-slate-900">{summary.contact.name}</h2>
            <div className="flex min-w-0 items-center gap-2">
              <p className="shrink-0 text-xs text-slate-500 tabular-nums">+{summary.contact.waId}</p>
              <div className="flex h-5 min-w-0 items-center overflow-hidden">
                <ConversationLabels labelIds={summary.labelIds} size="xs" />
              </div>
            </div>
          </div>
          {contactButton}
          <LabelsControl summary={summary} />
          <ConversationActions summary={summary} />
        </>
      ) : (
        <div aria-hidden="true" className="flex animate-pulse items-center gap-3">
          <span className="size-10 rounded-full bg-slate-200" />
          <span className="flex flex-col gap-2">
            <span className="h-3 w-32 rounded bg-slate-200" />
            <span className="h-2.5 w-24 rounded bg-slate-100" />
          </span>
        </div>
      )}
    </div>
    </div>
  );
}
