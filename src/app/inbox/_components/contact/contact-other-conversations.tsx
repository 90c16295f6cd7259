// The same customer's conversations in the other inboxes the reader sees, as links.
import Link from "next/link";
import { useId } from "react";
import { formatFull, formatListTime } from "@/app/_lib/time";
import type { TContactPanel } from "@/shared/contacts";
import { sectionHeading } from "./contact-styles";
import { conversationHref } from "../list/search-results";

const STATUS_LABELS = { open: "Open", pending: "Pending", resolved: "Resolved" } as const;

export function OtherConversations({ conversations }: { conversations: TContactPanel["otherConversations"] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className={sectionHeading}>
        Other conversations
      </h3>
      {conversations.length === 0 ? (
        <p className="text-sm text-slate-500">None in the other inboxes you can see.</p>
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
                  <time dateTime={conversation.lastMessageAt} title={formatFull(conversation.lastMessageAt)} className="ml-auto shrink-0 text-xs text-slate-500 tabular-nums">
                    {formatListTime(conversation.lastMessageAt)}
                  </time>
                </span>
                <span className="truncate text-xs text-slate-500">
                  {conversation.contactName} · {STATUS_LABELS[conversation.status]}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
