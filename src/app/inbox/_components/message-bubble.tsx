import { useId } from "react";
import { formatClock, formatFull } from "@/app/_lib/time";
import type { RetryState } from "../_hooks/use-retry-reply";
import type { LogEntry } from "../_lib/log-entries";
import { MessageContent } from "./message-content";
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

export function MessageBubble({ entry, grouped, retry, onRetry, onDiscard }: Props) {
  const { message, local } = entry;
  const outbound = message.direction === "outbound";
  const problemId = useId();
  const hasProblem = outbound && (message.status === "failed" || local?.kind === "waiting");
  return (
    <li className={`flex flex-col ${outbound ? "items-end" : "items-start"} ${grouped ? "" : "mt-2"}`}>
      {outbound && message.authorName && !grouped && (
        <span className="mb-1 max-w-[min(80%,36rem)] truncate px-1 text-[11px] font-medium text-slate-500">{message.authorName}</span>
      )}
      <div
        className={`max-w-[min(80%,36rem)] rounded-2xl px-3 pt-2 pb-1.5 shadow-sm ring-1 ${
          outbound ? `rounded-br-md bg-emerald-50 text-slate-900 ${ringOf(entry)}` : "rounded-bl-md bg-white text-slate-900 ring-slate-200"
        }`}
      >
        <MessageContent message={message} />
        <div className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-slate-500">
          <time dateTime={message.timestamp} title={formatFull(message.timestamp)} className="tabular-nums">
            {formatClock(message.timestamp)}
          </time>
          {outbound && <StatusTick status={tickOf(entry)} />}
        </div>
      </div>
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
