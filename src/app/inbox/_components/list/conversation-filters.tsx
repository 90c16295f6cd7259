"use client";
// Above the conversation list: whose conversations (Mine / Unassigned / All), which status and which
// label, each with how many there are. The numbers come from conversation.counts and follow the
// live events.
import {
  ASSIGNEE_VIEWS,
  STATUS_FILTERS,
  countFor,
  type AssigneeView,
  type ConversationCounts,
  type LabelCounts,
  type StatusFilter,
  type TConversationFilter,
} from "@/shared/conversation-filter";
import { useTranslations } from "next-intl";
import { useTime } from "@/app/_lib/use-time";
import { useEffect } from "react";
import { useLabels } from "@/app/_components/labels/use-labels";


const selectClass =
  "min-w-0 flex-1 rounded-md border border-slate-300 bg-white py-1 pr-7 pl-2 text-xs text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600";

interface Props {
  filter: TConversationFilter;
  counts: ConversationCounts | undefined;
  labelCounts: LabelCounts | undefined;
  onChange: (filter: TConversationFilter) => void;
}

export function ConversationFilters({ filter, counts, labelCounts, onChange }: Props) {
  const t = useTranslations("Filters");
  const time = useTime();
  const labels = useLabels();
  // A label deleted while chosen: the list goes back to every label.
  const chosenGone = filter.label !== undefined && labels.data !== undefined && !labels.data.some((label) => label.id === filter.label);
  useEffect(() => {
    if (chosenGone) onChange(withLabel(filter, undefined));
  }, [chosenGone, filter, onChange]);
  const labelCount = (labelId: string) => {
    const byLabel = labelCounts?.[labelId];
    return labelCounts ? ` (${time.number(byLabel ? countFor(byLabel, filter.view, filter.status) : 0)})` : "";
  };
  return (
    <div className="flex flex-col gap-2 border-b border-slate-100 px-3 pb-3">
      <div role="group" aria-label={t("assignedTo")} className="grid grid-cols-3 gap-1 rounded-lg bg-slate-100 p-1">
        {ASSIGNEE_VIEWS.map((view) => {
          const selected = filter.view === view;
          return (
            <button
              key={view}
              type="button"
              aria-pressed={selected}
              onClick={() => onChange({ ...filter, view })}
              className={`flex items-center justify-center gap-1.5 rounded-md px-2 py-1.5 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 ${
                selected ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"
              }`}
            >
              {t(`view.${view satisfies AssigneeView}`)}
              {/* A fixed minimum width: the label does not shift when the number arrives or grows. */}
              <span className={`min-w-5 rounded-full px-1 text-[11px] tabular-nums ${selected ? "bg-emerald-100 text-emerald-800" : "bg-slate-200/70 text-slate-600"}`}>
                {counts ? time.number(countFor(counts, view, filter.status)) : "·"}
              </span>
            </button>
          );
        })}
      </div>
      <label className="flex items-center gap-2 text-xs text-slate-600">
        <span className="shrink-0">{t("byStatus")}</span>
        <select
          value={filter.status}
          onChange={(event) => onChange({ ...filter, status: event.target.value as StatusFilter })}
          className={selectClass}
        >
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status satisfies StatusFilter}`)}
              {counts ? ` (${time.number(countFor(counts, filter.view, status))})` : ""}
            </option>
          ))}
        </select>
      </label>
      {labels.data && labels.data.length > 0 && (
        <label className="flex items-center gap-2 text-xs text-slate-600">
          <span className="shrink-0">{t("byLabel")}</span>
          <select
            value={chosenGone ? ANY_LABEL : (filter.label ?? ANY_LABEL)}
            onChange={(event) => onChange(withLabel(filter, event.target.value === ANY_LABEL ? undefined : event.target.value))}
            className={selectClass}
          >
            <option value={ANY_LABEL}>{t("allLabels")}</option>
            {labels.data.map((label) => (
              <option key={label.id} value={label.id}>
                {label.name}
                {labelCount(label.id)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

const ANY_LABEL = "";

function withLabel(filter: TConversationFilter, label: string | undefined): TConversationFilter {
  const { label: _previous, ...rest } = filter;
  return label === undefined ? rest : { ...rest, label };
}
