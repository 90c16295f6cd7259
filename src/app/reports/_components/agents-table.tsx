// The report split by the person who held each conversation: an admin's view over everyone.
import { useId } from "react";
import type { TAgentRow } from "@/shared/reports";
import { formatDuration } from "./format";

export function AgentsTable({ agents }: { agents: TAgentRow[] }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <h2 id={`${id}-title`} className="px-4 pt-4 text-base font-semibold text-slate-900">
        By agent
      </h2>
      {agents.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">Nobody held a conversation in this range.</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table aria-labelledby={`${id}-title`} className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Agent
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Opened
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Resolved
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  First response (median / p90)
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Resolution (median / p90)
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 text-slate-800 tabular-nums">
              {agents.map((agent) => (
                <tr key={agent.agentId}>
                  <th scope="row" className="px-4 py-2 font-medium whitespace-nowrap">
                    {agent.name}
                  </th>
                  <td className="px-4 py-2 text-right">{agent.opened.toLocaleString()}</td>
                  <td className="px-4 py-2 text-right">{agent.resolved.toLocaleString()}</td>
                  <td className="px-4 py-2 text-right whitespace-nowrap">
                    {formatDuration(agent.firstResponse.median)} / {formatDuration(agent.firstResponse.p90)}
                  </td>
                  <td className="px-4 py-2 text-right whitespace-nowrap">
                    {formatDuration(agent.resolution.median)} / {formatDuration(agent.resolution.p90)}
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
