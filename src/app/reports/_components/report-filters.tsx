"use client";
// The report's question: a range of days (or one of the usual ones), an inbox, and for admins a person.
import { useTranslations } from "next-intl";
import { useId } from "react";
import { inputClass, labelClass } from "@/app/admin/_lib/styles";
import { lastDays } from "./format";

export interface ReportFilterValues {
  from: string;
  to: string;
  inboxId: string;
  agentId: string;
}

const PRESETS = [7, 30, 90, 365] as const;

type Option = { id: string; name: string };

export function ReportFilters({
  values,
  onChange,
  inboxes,
  people,
}: {
  values: ReportFilterValues;
  onChange: (values: ReportFilterValues) => void;
  inboxes: Option[];
  /** Null for an agent: their report is their own. */
  people: Option[] | null;
}) {
  const t = useTranslations("Reports");
  const id = useId();
  const set = (change: Partial<ReportFilterValues>) => onChange({ ...values, ...change });
  return (
    <section aria-label={t("filters")} className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div role="group" aria-label={t("presets")} className="flex flex-wrap gap-1.5">
        {PRESETS.map((days) => {
          const range = lastDays(days);
          const current = range.from === values.from && range.to === values.to;
          return (
            <button
              key={days}
              type="button"
              aria-pressed={current}
              onClick={() => set(range)}
              className="rounded-full px-3 py-1 text-sm font-medium text-slate-600 ring-1 ring-slate-300 ring-inset hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 aria-pressed:bg-emerald-50 aria-pressed:text-emerald-800 aria-pressed:ring-emerald-300"
            >
              {t("lastDays", { days })}
            </button>
          );
        })}
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-from`} className={labelClass}>
            {t("from")}
          </label>
          <input id={`${id}-from`} type="date" value={values.from} max={values.to || undefined} onChange={(event) => set({ from: event.target.value })} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-to`} className={labelClass}>
            {t("to")}
          </label>
          <input id={`${id}-to`} type="date" value={values.to} min={values.from || undefined} onChange={(event) => set({ to: event.target.value })} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-inbox`} className={labelClass}>
            {t("inbox")}
          </label>
          <select id={`${id}-inbox`} value={values.inboxId} onChange={(event) => set({ inboxId: event.target.value })} className={inputClass}>
            <option value="">{t("allInboxes")}</option>
            {inboxes.map((inbox) => (
              <option key={inbox.id} value={inbox.id}>
                {inbox.name}
              </option>
            ))}
          </select>
        </div>
        {people && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-agent`} className={labelClass}>
              {t("agent")}
            </label>
            <select id={`${id}-agent`} value={values.agentId} onChange={(event) => set({ agentId: event.target.value })} className={inputClass}>
              <option value="">{t("everyone")}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </section>
  );
}
