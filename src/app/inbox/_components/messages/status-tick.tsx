"use client";
import { useTranslations } from "next-intl";
import type { MessageStatus } from "@/shared/dto";

const check = "M3.5 8.5 6.5 11.5 12.5 4.5";

/** A server status, or "waiting": a reply still in this browser, held until the connection returns. */
export type TickStatus = MessageStatus | "waiting";


function Icon({ status }: { status: TickStatus }) {
  const common = { viewBox: "0 0 16 16", fill: "none", stroke: "currentColor", strokeWidth: 1.6, strokeLinecap: "round", strokeLinejoin: "round" } as const;
  switch (status) {
    case "queued":
      return (
        <svg {...common} className="size-3.5 text-slate-400">
          <circle cx="8" cy="8" r="5.5" />
          <path d="M8 5v3l2 1.5" />
        </svg>
      );
    case "waiting":
      // The queued clock, dashed and amber: not on its way yet.
      return (
        <svg {...common} className="size-3.5 text-amber-600">
          <circle cx="8" cy="8" r="5.5" strokeDasharray="2.4 1.9" />
          <path d="M8 5v3l2 1.5" />
        </svg>
      );
    case "sent":
      return (
        <svg {...common} className="size-4 text-slate-400">
          <path d={check} />
        </svg>
      );
    case "delivered":
    case "read":
      return (
        <svg {...common} viewBox="0 0 20 16" className={`h-4 w-5 ${status === "read" ? "text-sky-500" : "text-slate-400"}`}>
          <path d="M1.5 8.5 4.5 11.5 10.5 4.5" />
          <path d="M8 11.5 9 12.2 15.5 4.5" />
        </svg>
      );
    case "failed":
      return (
        <svg viewBox="0 0 16 16" fill="currentColor" className="size-3.5 text-red-600">
          <path fillRule="evenodd" d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-.75 3.5a.75.75 0 0 1 1.5 0v4a.75.75 0 0 1-1.5 0v-4ZM8 12a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clipRule="evenodd" />
        </svg>
      );
    default:
      return null;
  }
}

/** An outbound message's delivery state; the accessible name is "Status: <status>". */
export function StatusTick({ status }: { status: TickStatus }) {
  const t = useTranslations("Status");
  const label = t(status);
  return (
    <span role="img" aria-label={t("label", { status: label })} title={label[0]?.toUpperCase() + label.slice(1)} className="inline-flex">
      <Icon status={status} />
    </span>
  );
}
