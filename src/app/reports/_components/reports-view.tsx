"use client";
// The Reports page: the filters (dates, inbox, and for admins a person), the headline figures,
// messages per day, the busiest hours, the split by person, and the CSV of the conversations.
// Days are the browser's calendar days: its time zone goes with every question.
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import type { TReportQuery } from "@/shared/reports";
import { api } from "@/trpc/react";
import { useErrorText } from "@/app/admin/_lib/error-text";
import { alertClass } from "@/app/admin/_lib/styles";
import { AgentsTable } from "./agents-table";
import { BusiestHoursChart } from "./busiest-hours-chart";
import { lastDays } from "./format";
import { MessagesChart } from "./messages-chart";
import { ReportFilters, type ReportFilterValues } from "./report-filters";
import { SummaryCards } from "./summary-cards";

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const subscribeToNothing = () => () => {};

/** The page needs the browser's calendar (today, its time zone): nothing is drawn on the server. */
export function ReportsView({ isAdmin }: { isAdmin: boolean }) {
  const timeZone = useSyncExternalStore(subscribeToNothing, browserTimeZone, () => null);
  const t = useTranslations("Reports");
  if (timeZone === null) return <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>;
  return <Reports isAdmin={isAdmin} timeZone={timeZone} />;
}

function Reports({ isAdmin, timeZone }: { isAdmin: boolean; timeZone: string }) {
  const errorText = useErrorText();
  const t = useTranslations("Reports");
  const [filters, setFilters] = useState<ReportFilterValues>(() => ({ ...lastDays(30), inboxId: "", agentId: "" }));
  const options = api.report.options.useQuery();
  const query: TReportQuery = {
    from: filters.from,
    to: filters.to,
    timeZone,
    ...(filters.inboxId ? { inboxId: filters.inboxId } : {}),
    ...(filters.agentId ? { agentId: filters.agentId } : {}),
  };
  const valid = filters.from !== "" && filters.to !== "" && filters.from <= filters.to;
  const report = api.report.get.useQuery(query, { enabled: valid, placeholderData: (previous) => previous });
  const csvHref = `/api/reports/conversations?${new URLSearchParams(Object.entries(query)).toString()}`;
  const data = report.data;

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {isAdmin ? t("introAdmin") : t("introAgent")}
          </p>
        </div>
        <a
          href={csvHref}
          download
          aria-disabled={!valid}
          className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 aria-disabled:pointer-events-none aria-disabled:opacity-50"
        >
          {t("downloadCsv")}
        </a>
      </div>
      <ReportFilters values={filters} onChange={setFilters} inboxes={options.data?.inboxes ?? []} people={isAdmin ? (options.data?.people ?? []) : null} />
      {!valid && (
        <p role="alert" className={alertClass}>
          {t("badRange")}
        </p>
      )}
      {report.error && (
        <p role="alert" className={alertClass}>
          {errorText(report.error)}
        </p>
      )}
      <div aria-busy={report.isFetching} className="flex flex-col gap-6">
        <SummaryCards report={data} />
        <MessagesChart days={data?.days ?? []} />
        <BusiestHoursChart busiestHours={data?.busiestHours ?? null} />
        {isAdmin && !filters.agentId && <AgentsTable agents={data?.agents ?? []} />}
      </div>
    </>
  );
}
