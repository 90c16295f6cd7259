"use client";
// The report's question: a range of days (or one of the usual ones), an inbox, and for admins a person.
import { useTranslations } from "next-intl";
import { Field, SelectField } from "@/app/admin/_components/field";
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
        <Field label={t("from")} error={null} errorId="" type="date" value={values.from} max={values.to || undefined} onChange={(event) => set({ from: event.target.value })} />
        <Field label={t("to")} error={null} errorId="" type="date" value={values.to} min={values.from || undefined} onChange={(event) => set({ to: event.target.value })} />
        <ChoiceField label={t("inbox")} all={t("allInboxes")} options={inboxes} value={values.inboxId} onChange={(inboxId) => set({ inboxId })} />
        {people && <ChoiceField label={t("agent")} all={t("everyone")} options={people} value={values.agentId} onChange={(agentId) => set({ agentId })} />}
      </div>
    </section>
  );
}

/** One of `options`, or all of them (""). */
function ChoiceField({ label, all, options, value, onChange }: { label: string; all: string; options: Option[]; value: string; onChange: (id: string) => void }) {
  return (
    <SelectField label={label} error={null} errorId="" value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{all}</option>
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ))}
    </SelectField>
  );
}
