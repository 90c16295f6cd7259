// What is wrong with a reply, under its bubble, and what the agent can do about it:
// - waiting in this browser for a connection: nothing to do, it goes out by itself;
// - refused by our server (it will never be sent as it is): Discard;
// - refused by WhatsApp: the reason in words, and Retry.
"use client";
import { useTranslations } from "next-intl";
import type { RetryState } from "../../_hooks/use-retry-reply";
import { useServerText } from "@/i18n/use-server-text";
import { splitReason } from "@/shared/failure-reason";
import type { LogEntry } from "../../_lib/log-entries";

interface Props {
  id: string;
  entry: LogEntry;
  retry: RetryState;
  onRetry: () => void;
  onDiscard: () => void;
}

const actionClass =
  "shrink-0 rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 aria-disabled:cursor-default aria-disabled:opacity-60";

export function ReplyProblem({ id, entry, retry, onRetry, onDiscard }: Props) {
  const t = useTranslations("ReplyProblem");
  const word = useServerText();
  const { message, local } = entry;

  if (local?.kind === "waiting") {
    return (
      <p id={id} className="mt-1 text-xs text-amber-800">
        <span className="font-medium">{t("waiting")}</span>
        <span className="text-amber-700"> · {t("sendsWhenOnline")}</span>
      </p>
    );
  }

  if (local?.kind === "rejected") {
    return (
      <div className="mt-1 flex max-w-[min(80%,36rem)] items-start justify-end gap-2">
        <p id={id} className="text-right text-xs text-red-700">
          <span className="font-medium">{t("notSent")}</span> {local.reason}
        </p>
        <button
          type="button"
          onClick={onDiscard}
          aria-describedby={id}
          className={`${actionClass} text-slate-700 ring-slate-300 hover:bg-slate-100 focus-visible:outline-slate-500`}
        >
          {t("discard")}
        </button>
      </div>
    );
  }

  const reason = splitReason(message.statusReason);
  return (
    <div className="mt-1 flex max-w-[min(80%,36rem)] flex-col items-end gap-1">
      <div className="flex items-start justify-end gap-2">
        <p id={id} className="text-right text-xs text-red-700">
          <span className="font-medium">{t("notDelivered")}</span> {reason.text === null ? t("notAccepted") : typeof reason.text === "string" ? reason.text : word(reason.text)}
          {reason.code && <span className="ml-1 whitespace-nowrap text-slate-500 tabular-nums">{t("error", { code: reason.code })}</span>}
        </p>
        <button
          type="button"
          // aria-disabled keeps the focus on the button while the call is on its way (or held offline).
          onClick={() => !retry.busy && onRetry()}
          aria-disabled={retry.busy}
          aria-busy={retry.busy}
          aria-describedby={id}
          className={`${actionClass} bg-white text-red-700 ring-red-200 hover:bg-red-50 focus-visible:outline-red-600`}
        >
          {t("retry")}
        </button>
      </div>
      {retry.waiting && <p className="text-xs text-amber-800">{t("retriesWhenOnline")}</p>}
      {retry.error && (
        <p role="alert" className="text-xs text-red-700">
          {retry.error}
        </p>
      )}
    </div>
  );
}
