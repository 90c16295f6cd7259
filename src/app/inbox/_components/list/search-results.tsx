// What a search found, in the sidebar's list style: the contact, where the search matched (a
// message's words marked, or the name, number, the contact's note or attribute), and when.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTime } from "@/app/_lib/use-time";
import type { TSearchResult, TSnippetPart } from "@/shared/search";
import { excerptAround, highlightNumber, highlightSubstring } from "../../_lib/highlight";
import { previewText } from "../../_lib/preview-text";
import { Avatar } from "../avatar";
import { SidebarError } from "./sidebar-error";

export const conversationHref = (id: string) => `/inbox/${encodeURIComponent(id)}`;

interface Props {
  query: string;
  results: TSearchResult[] | undefined;
  isPending: boolean;
  isError: boolean;
  onRetry: () => void;
  activeId: string | null;
}

export function SearchResults({ query, results, isPending, isError, onRetry, activeId }: Props) {
  const t = useTranslations("Search");
  return (
    <>
      {/* Read out politely as results change; not role="status", which names the connection indicator. */}
      <p aria-live="polite" className="sr-only">
        {results ? t("found", { count: results.length }) : ""}
      </p>
      {isError ? (
        <SidebarError message={t("failed")} onRetry={onRetry} />
      ) : isPending ? (
        <p className="px-4 py-6 text-sm text-slate-500">{t("searching")}</p>
      ) : results && results.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm break-words text-slate-600">{t("noMatch", { query })}</p>
      ) : (
        <ul aria-label={t("results")} className="divide-y divide-slate-100">
          {results?.map((result) => (
            <SearchResultItem key={result.conversation.id} result={result} query={query} active={result.conversation.id === activeId} />
          ))}
        </ul>
      )}
    </>
  );
}

function SearchResultItem({ result, query, active }: { result: TSearchResult; query: string; active: boolean }) {
  const t = useTranslations("Search");
  const tPreview = useTranslations("Preview");
  const format = useTime();
  const { conversation, match } = result;
  const time = match.kind === "message" ? match.timestamp : conversation.lastMessageAt;
  const name = match.kind === "contact" && match.field === "name" ? highlightSubstring(conversation.contact.name, query) : [{ text: conversation.contact.name, match: false }];
  const detail =
    match.kind === "message"
      ? match.snippet
      : match.field === "number"
        ? highlightNumber(conversation.contact.waId, query)
        : match.field === "note" || match.field === "attribute"
          ? highlightSubstring(excerptAround(match.text, query), query)
          : [{ text: previewText(conversation.lastPreviewType, conversation.lastPreview, tPreview) || t("noMessagesYet"), match: false }];
  return (
    <li>
      <Link
        href={conversationHref(conversation.id)}
        aria-current={active ? "page" : undefined}
        className={`flex gap-3 border-l-2 px-4 py-3 outline-none transition-colors focus-visible:bg-emerald-50 focus-visible:ring-2 focus-visible:ring-emerald-500 focus-visible:ring-inset ${
          active ? "border-emerald-600 bg-emerald-50/70" : "border-transparent hover:bg-slate-50"
        }`}
      >
        <Avatar name={conversation.contact.name} seed={conversation.contact.id} />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="flex items-baseline gap-2">
            <span dir="auto" className="truncate text-sm font-medium text-slate-800">
              <Marked parts={name} />
            </span>
            <time dateTime={time} title={format.full(time)} className="ml-auto shrink-0 text-xs text-slate-500 tabular-nums">
              {format.listTime(time)}
            </time>
          </span>
          <span dir="auto" className="line-clamp-2 text-sm text-slate-600">
            {match.kind === "message" && match.direction === "note" && <span className="mr-1 font-medium text-amber-800">{t("notePrefix")}</span>}
            {match.kind === "contact" && match.field === "note" && <span className="mr-1 font-medium text-slate-700">{t("contactNotePrefix")}</span>}
            <Marked parts={detail} />
          </span>
        </span>
      </Link>
    </li>
  );
}

function Marked({ parts }: { parts: TSnippetPart[] }) {
  return parts.map((part, index) =>
    part.match ? (
      <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-slate-900">
        {part.text}
      </mark>
    ) : (
      <span key={index}>{part.text}</span>
    ),
  );
}
