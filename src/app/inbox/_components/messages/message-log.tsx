"use client";
import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { localDayKey } from "@/app/_lib/time";
import { useTime } from "@/app/_lib/use-time";
import type { RetryState } from "../../_hooks/use-retry-reply";
import type { NameOf } from "../../_lib/activity-lines";
import { itemKey, itemTime, type LogEntry, type LogItem } from "../../_lib/log-entries";
import { ActivityLine } from "./activity-line";
import { MessageBubble } from "./message-bubble";

interface Props {
  /** Messages, with assignment and status changes among them (../_lib/log-entries.ts). */
  entries: LogItem[];
  /** The team's names, for the changes' lines. */
  nameOf: NameOf;
  retryStateOf: (messageId: string) => RetryState;
  onRetry: (messageId: string) => void;
  onDiscard: (messageId: string) => void;
  isLoading: boolean;
  isError: boolean;
  hasOlder: boolean;
  isFetchingOlder: boolean;
  hasUnseen: boolean;
  onJumpToNewest: () => void;
  logRef: RefObject<HTMLDivElement | null>;
  topRef: RefObject<HTMLDivElement | null>;
  onScroll: () => void;
}

export function MessageLog(props: Props) {
  const { entries, isLoading, isError, hasOlder, isFetchingOlder, hasUnseen, onJumpToNewest, logRef, topRef, onScroll } = props;
  const t = useTranslations("Log");
  const time = useTime();
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={logRef}
        onScroll={onScroll}
        role="log"
        aria-label={t("messages")}
        aria-busy={isLoading || isFetchingOlder}
        tabIndex={0}
        className="min-h-0 flex-1 overflow-y-auto px-4 py-4 [overflow-anchor:none] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-emerald-600 sm:px-8"
      >
        <div ref={topRef} />
        {/* A fixed-height slot, so showing and hiding the loader never moves the messages. */}
        <div className="flex h-8 items-center justify-center text-xs text-slate-500">
          {isFetchingOlder ? t("loadingOlder") : !hasOlder && entries.length > 0 ? t("start") : null}
        </div>
        {isError ? (
          <p className="py-10 text-center text-sm text-slate-500">{t("loadFailed")}</p>
        ) : isLoading ? (
          <p className="py-10 text-center text-sm text-slate-500">{t("loading")}</p>
        ) : entries.length === 0 ? (
          <p className="py-10 text-center text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <div className="mx-auto flex max-w-3xl flex-col gap-2">
            {groupByDay(entries).map((day) => (
              // One block per day, so each day's sticky label only sticks within its own messages.
              <div key={day.key} className="flex flex-col">
                <div className="sticky top-0 z-10 my-2 flex justify-center">
                  <span className="rounded-full bg-white/90 px-3 py-0.5 text-xs font-medium text-slate-500 shadow-sm ring-1 ring-slate-200 backdrop-blur">
                    {time.day(itemTime(day.entries[0]!))}
                  </span>
                </div>
                <ol className="flex flex-col gap-1.5">
                  {day.entries.map((item, index) =>
                    item.kind === "activity" ? (
                      <ActivityLine key={itemKey(item)} activity={item.activity} nameOf={props.nameOf} />
                    ) : (
                      <MessageBubble
                        key={item.entry.message.id}
                        entry={item.entry}
                        grouped={isSameSender(day.entries[index - 1], item.entry)}
                        retry={props.retryStateOf(item.entry.message.id)}
                        onRetry={props.onRetry}
                        onDiscard={props.onDiscard}
                      />
                    ),
                  )}
                </ol>
              </div>
            ))}
          </div>
        )}
      </div>
      {hasUnseen && (
        <button
          type="button"
          onClick={onJumpToNewest}
          className="absolute bottom-4 left-1/2 -translate-x-1/2 rounded-full bg-emerald-700 px-4 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
        >
          {t("newMessages")}
        </button>
      )}
    </div>
  );
}

/** Same side, and for replies the same agent: drawn as one run, with the author's name once. */
function isSameSender(previousItem: LogItem | undefined, entry: LogEntry): boolean {
  // A change between two messages breaks the run: the author's name shows again after it.
  const previous = previousItem?.kind === "message" ? previousItem.entry : undefined;
  if (!previous || previous.message.direction !== entry.message.direction) return false;
  return entry.message.direction === "inbound" || previous.message.authorName === entry.message.authorName;
}

function groupByDay(entries: LogItem[]): { key: string; entries: LogItem[] }[] {
  const days: { key: string; entries: LogItem[] }[] = [];
  for (const entry of entries) {
    const key = localDayKey(itemTime(entry));
    const last = days.at(-1);
    if (last?.key === key) last.entries.push(entry);
    else days.push({ key, entries: [entry] });
  }
  return days;
}
