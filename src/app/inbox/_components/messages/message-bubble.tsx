"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useTime } from "@/app/_lib/use-time";
import type { RetryState } from "../../_hooks/use-retry-reply";
import type { LogEntry } from "../../_lib/log-entries";
import { MessageActionButtons } from "./message-actions";
import { useMessageActions } from "./message-actions-context";
import { MessageContent } from "./message-content";
import { MessageQuote } from "./message-quote";
import { MessageReactions } from "./message-reactions";
import { ReplyProblem } from "./reply-problem";
import { StatusTick, type TickStatus } from "./status-tick";

interface Props {
  entry: LogEntry;
  /** Follows a message from the same side (and author): drawn closer, without the name again. */
  grouped: boolean;
  retry: RetryState;
  onRetry: (messageId: string) => void;
  onDiscard: (messageId: string) => void;
}

function tickOf({ message, local }: LogEntry): TickStatus {
  if (!local) return message.status;
  if (local.kind === "waiting") return "waiting";
  return local.kind === "rejected" ? "failed" : "queued";
}

function ringOf({ message, local }: LogEntry): string {
  if (message.status === "failed") return "ring-red-300";
  if (local?.kind === "waiting") return "ring-amber-200";
  return "ring-emerald-100";
}

const bubbleLook = (entry: LogEntry): string => {
  const { direction } = entry.message;
  if (direction === "note") return `rounded-br-md bg-amber-50 text-slate-900 ${entry.local ? "ring-amber-200" : "ring-amber-300"}`;
  if (direction === "outbound") return `rounded-br-md bg-emerald-50 text-slate-900 ${ringOf(entry)}`;
  return "rounded-bl-md bg-white text-slate-900 ring-slate-200";
};

export function MessageBubble({ entry, grouped, retry, onRetry, onDiscard }: Props) {
  const { message, local } = entry;
  const outbound = message.direction === "outbound";
  const note = message.direction === "note";
  // Replies and notes are the team's side of the conversation.
  const ours = outbound || note;
  const t = useTranslations("Log");
  const time = useTime();
  const problemId = useId();
  const actions = useMessageActions();
  const hasProblem = (outbound && message.status === "failed") || ((outbound || note) && local !== null && local.kind !== "sending");
  return (
    <li
      data-message-id={message.id}
      // Focusable from script only: jumping to a quoted message moves focus here.
      tabIndex={-1}
      className={`group flex scroll-my-8 flex-col outline-none ${ours ? "items-end" : "items-start"} ${grouped ? "" : "mt-2"}`}
    >
      {note ? (
        <span className="mb-1 flex max-w-[min(80%,36rem)] items-center gap-1 truncate px-1 text-[11px] font-medium text-amber-800">
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3">
            <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" />
          </svg>
          {message.authorName ? t("privateNoteBy", { name: message.authorName }) : t("privateNote")}
        </span>
      ) : (
        outbound &&
        message.authorName &&
        !grouped && (
          <span className="mb-1 max-w-[min(80%,36rem)] truncate px-1 text-[11px] font-medium text-slate-500">{message.authorName}</span>
        )
      )}
      <div className={`flex max-w-[min(80%,36rem)] items-start gap-1 ${ours ? "flex-row-reverse" : ""}`}>
      <div
        className={`min-w-0 rounded-2xl px-3 pt-2 pb-1.5 shadow-sm ring-1 transition-shadow ${bubbleLook(entry)} ${
          actions?.highlightedId === message.id ? "outline-2 outline-offset-2 outline-amber-400" : ""
        }`}
      >
        {message.replyTo && <MessageQuote quote={message.replyTo} />}
        <MessageContent message={message} />
        <div className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-slate-500">
          <time dateTime={message.timestamp} title={time.full(message.timestamp)} className="tabular-nums">
            {time.clock(message.timestamp)}
          </time>
          {outbound && <StatusTick status={tickOf(entry)} />}
        </div>
      </div>
      {!local && <MessageActionButtons message={message} />}
      </div>
      <MessageReactions reactions={message.reactions} />
      {hasProblem && (
        <ReplyProblem
          id={problemId}
          entry={entry}
          retry={retry}
          onRetry={() => onRetry(message.id)}
          onDiscard={() => onDiscard(message.id)}
        />
      )}
    </li>
  );
}
