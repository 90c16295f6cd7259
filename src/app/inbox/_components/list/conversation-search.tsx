"use client";
// The sidebar's search box. While it holds text, the results take the place of the conversation
// list (`children`); emptied (Escape or the clear button), the list comes back as it was. Results
// are asked for 200 ms after the typing stops, and the last ones stay on screen while the next
// load, so the sidebar neither flickers nor jumps.
//
// Keyboard: Enter in the box opens the first result, ↓ moves into the results and ↑/↓ move between
// them, Escape clears the search from anywhere in it and leaves the focus in the box.
import { keepPreviousData } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { MAX_SEARCH_LENGTH } from "@/shared/search";
import { api } from "@/trpc/react";
import { useDebouncedValue } from "../../_hooks/use-debounced-value";
import { conversationHref, SearchResults } from "./search-results";

const DEBOUNCE_MS = 200;

export function ConversationSearch({ activeId, children }: { activeId: string | null; children: ReactNode }) {
  const t = useTranslations("Search");
  const [text, setText] = useState("");
  const query = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const searching = text.trim() !== "";
  const results = api.search.conversations.useQuery(
    { query },
    { enabled: query !== "", placeholderData: keepPreviousData, staleTime: 5_000 },
  );
  const router = useRouter();
  const boxRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const inputId = useId();

  const clear = () => {
    setText("");
    boxRef.current?.focus();
  };

  const resultLinks = () => [...(resultsRef.current?.querySelectorAll<HTMLAnchorElement>("a[href]") ?? [])];

  const onBoxKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape" && text !== "") {
      event.preventDefault();
      clear();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      resultLinks()[0]?.focus();
    } else if (event.key === "Enter" && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const first = results.data?.[0];
      if (first && query === text.trim()) router.push(conversationHref(first.conversation.id));
    }
  };

  const onResultsKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      clear();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const links = resultLinks();
    const at = links.findIndex((link) => link === document.activeElement);
    if (event.key === "ArrowUp" && at <= 0) boxRef.current?.focus();
    else links[Math.min(links.length - 1, at + (event.key === "ArrowDown" ? 1 : -1))]?.focus();
  };

  return (
    <>
      <search className="px-3 pb-2">
        <label htmlFor={inputId} className="sr-only">
          {t("label")}
        </label>
        <div className="relative">
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500">
            <path fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.08 3.08a.75.75 0 1 1-1.06 1.06l-3.08-3.08A7 7 0 0 1 2 9Z" clipRule="evenodd" />
          </svg>
          <input
            ref={boxRef}
            id={inputId}
            type="text"
            role="searchbox"
            value={text}
            maxLength={MAX_SEARCH_LENGTH}
            placeholder={t("placeholder")}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onBoxKeyDown}
            className="w-full rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-8 text-sm text-slate-900 placeholder:text-slate-500 focus-visible:border-emerald-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-emerald-600"
          />
          {text !== "" && (
            <button
              type="button"
              onClick={clear}
              aria-label={t("clear")}
              className="absolute top-1/2 right-1.5 flex size-6 -translate-y-1/2 items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-emerald-600"
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </button>
          )}
        </div>
      </search>
      {searching ? (
        <div ref={resultsRef} onKeyDown={onResultsKeyDown} className="flex min-h-0 flex-1 flex-col overflow-y-auto">
          <SearchResults
            query={text.trim()}
            results={results.data}
            // Nothing to show yet: the first answer for this search is still on its way.
            isPending={results.data === undefined && !results.isError}
            isError={results.isError && results.data === undefined}
            onRetry={() => void results.refetch()}
            activeId={activeId}
          />
        </div>
      ) : (
        children
      )}
    </>
  );
}
