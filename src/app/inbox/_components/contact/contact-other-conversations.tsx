// The same customer's conversations in the other inboxes the reader sees, as links.
"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useTime } from "@/app/_lib/use-time";
import type { TContactPanel } from "@/shared/contacts";
import { sectionHeading } from "./contact-styles";
import { conversationHref } from "../list/search-results";

export function OtherConversations({ conversations }: { conversations: TContactPanel["otherConversations"] }) {
  const t = useTranslations("Contact");
  const tStatus = useTranslations("ConversationStatus");
  const time = useTime();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className={sectionHeading}>
        {t("otherConversations")}
      </h3>
      {conversations.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noOtherConversations")}</p>
      ) : (
        <ul aria-labelledby={headingId} className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <Link
                href={conversationHref(conversation.id)}
                className="flex flex-col gap-0.5 px-2.5 py-2 text-sm outline-none hover:bg-slate-50 focus-visible:bg-emerald-50 focus-visible:ring-2 focus-visible:ring-emerald-500 focus-visible:ring-inset"
              >
                <span className="flex items-baseline gap-2">
                  <span className="truncate font-medium text-slate-800">{conversation.inboxName}</span>
                  <time dateTime={conversation.lastMessageAt} title={time.full(conversation.lastMessageAt)} className="ml-auto shrink-0 text-xs text-slate-500 tabular-nums">
                    {time.listTime(conversation.lastMessageAt)}
                  </time>
                </span>
                <span className="truncate text-xs text-slate-500">
                  {conversation.contactName} · {tStatus(conversation.status)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
