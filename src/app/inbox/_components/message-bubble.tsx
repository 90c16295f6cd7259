import type { TMessage } from "@/shared/dto";
import { formatClock, formatFull } from "@/app/_lib/time";
import { MessageContent } from "./message-content";
import { StatusTick } from "./status-tick";

export function MessageBubble({ message, grouped }: { message: TMessage; grouped: boolean }) {
  const outbound = message.direction === "outbound";
  const failed = message.status === "failed";
  return (
    <li className={`flex flex-col ${outbound ? "items-end" : "items-start"} ${grouped ? "" : "mt-2"}`}>
      <div
        className={`max-w-[min(80%,36rem)] rounded-2xl px-3 pt-2 pb-1.5 shadow-sm ring-1 ${
          outbound
            ? `rounded-br-md bg-emerald-50 text-slate-900 ${failed ? "ring-red-300" : "ring-emerald-100"}`
            : "rounded-bl-md bg-white text-slate-900 ring-slate-200"
        }`}
      >
        <MessageContent message={message} />
        <div className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-slate-500">
          <time dateTime={message.timestamp} title={formatFull(message.timestamp)} className="tabular-nums">
            {formatClock(message.timestamp)}
          </time>
          {outbound && <StatusTick status={message.status} />}
        </div>
      </div>
      {failed && (
        <p className="mt-1 max-w-[min(80%,36rem)] text-right text-xs text-red-700">
          Not delivered{message.statusReason ? `: ${message.statusReason}` : ""}
        </p>
      )}
    </li>
  );
}
