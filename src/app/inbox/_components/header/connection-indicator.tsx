"use client";
import { useTranslations } from "next-intl";
import type { ConnectionStatus } from "@/trpc/connection-state";

const looks: Record<ConnectionStatus, { dot: string; text: string }> = {
  live: { dot: "bg-emerald-500", text: "text-emerald-800 bg-emerald-50 ring-emerald-200" },
  reconnecting: { dot: "bg-amber-500 animate-pulse", text: "text-amber-900 bg-amber-50 ring-amber-200" },
  offline: { dot: "bg-slate-400", text: "text-slate-700 bg-slate-100 ring-slate-300" },
};

export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const t = useTranslations("Connection");
  const look = looks[status];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset ${look.text}`}>
      <span aria-hidden="true" className={`size-1.5 rounded-full ${look.dot}`} />
      <span role="status">{t(status)}</span>
    </span>
  );
}
