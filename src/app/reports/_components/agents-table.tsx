"use client";
// The report split by the person who held each conversation: an admin's view over everyone.
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import type { TAgentRow } from "@/shared/reports";
import { formatDuration } from "./format";

export function AgentsTable({ agents }: { agents: TAgentRow[] }) {
  const t = useTranslations("Reports");
  const tDuration = useTranslations("Reports.duration");
  const locale = useLocale();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <h2 id={`${id}-title`} className="px-4 pt-4 text-base font-semibold text-slate-900">
        {t("byAgent")}
      </h2>
      {agents.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">{t("nobody")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table aria-labelledby={`${id}-title`} className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                {(["agent", "openedShort", "resolvedShort", "firstResponseColumn", "resolutionColumn"] as const).map((column, index) => (
                  <th key={column} scope="col" className={`px-4 py-2 font-medium ${index > 0 ? "text-right" : ""}`}>
                    {t(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 text-slate-800 tabular-nums">
              {agents.map((agent) => (
                <tr key={agent.agentId}>
                  <th scope="row" className="px-4 py-2 font-medium whitespace-nowrap">
                    {agent.name}
                  </th>
                  <td className="px-4 py-2 text-right">{agent.opened.toLocaleString(locale)}</td>
                  <td className="px-4 py-2 text-right">{agent.resolved.toLocaleString(locale)}</td>
                  <td className="px-4 py-2 text-right whitespace-nowrap">
                    {formatDuration(agent.firstResponse.median, tDuration)} / {formatDuration(agent.firstResponse.p90, tDuration)}
                  </td>
                  <td className="px-4 py-2 text-right whitespace-nowrap">
                    {formatDuration(agent.resolution.median, tDuration)} / {formatDuration(agent.resolution.p90, tDuration)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
