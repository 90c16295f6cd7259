import type { RefObject } from "react";
import type { TMessage } from "@/shared/dto";
import { formatDay, localDayKey } from "@/app/_lib/time";
import { MessageBubble } from "./message-bubble";

interface Props {
  messages: TMessage[];
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
  const { messages, isLoading, isError, hasOlder, isFetchingOlder, hasUnseen, onJumpToNewest, logRef, topRef, onScroll } = props;
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={logRef}
        onScroll={onScroll}
        role="log"
        aria-label="Messages"
        aria-busy={isLoading || isFetchingOlder}
        tabIndex={0}
        className="min-h-0 flex-1 overflow-y-auto px-4 py-4 [overflow-anchor:none] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-emerald-600 sm:px-8"
      >
        <div ref={topRef} />
        {/* A fixed-height slot, so showing and hiding the loader never moves the messages. */}
        <div className="flex h-8 items-center justify-center text-xs text-slate-400">
          {isFetchingOlder ? "Loading older messages…" : !hasOlder && messages.length > 0 ? "Start of conversation" : null}
        </div>
        {isError ? (
          <p className="py-10 text-center text-sm text-slate-500">Couldn’t load messages.</p>
        ) : isLoading ? (
          <p className="py-10 text-center text-sm text-slate-400">Loading messages…</p>
        ) : messages.length === 0 ? (
          <p className="py-10 text-center text-sm text-slate-500">No messages yet.</p>
        ) : (
          <div className="mx-auto flex max-w-3xl flex-col gap-2">
            {groupByDay(messages).map((day) => (
              // One block per day, so each day's sticky label only sticks within its own messages.
              <div key={day.key} className="flex flex-col">
                <div className="sticky top-0 z-10 my-2 flex justify-center">
                  <span className="rounded-full bg-white/90 px-3 py-0.5 text-xs font-medium text-slate-500 shadow-sm ring-1 ring-slate-200 backdrop-blur">
                    {formatDay(day.messages[0]!.timestamp)}
                  </span>
                </div>
                <ol className="flex flex-col gap-1.5">
                  {day.messages.map((message, index) => (
                    <MessageBubble
                      key={message.id}
                      message={message}
                      grouped={day.messages[index - 1]?.direction === message.direction}
                    />
                  ))}
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
          className="absolute bottom-4 left-1/2 -translate-x-1/2 rounded-full bg-emerald-600 px-4 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-emerald-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
        >
          New messages ↓
        </button>
      )}
    </div>
  );
}

function groupByDay(messages: TMessage[]): { key: string; messages: TMessage[] }[] {
  const days: { key: string; messages: TMessage[] }[] = [];
  for (const message of messages) {
    const key = localDayKey(message.timestamp);
    const last = days.at(-1);
    if (last?.key === key) last.messages.push(message);
    else days.push({ key, messages: [message] });
  }
  return days;
}
