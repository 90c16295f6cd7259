"use client";
import type { ReactNode } from "react";

/** An admin table's header row: the column names, then an unnamed column for the row's buttons. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  const t = useTranslations("AdminTable");
  return (
    <thead className="border-b border-slate-200 text-xs font-semibold tracking-wide text-slate-600 uppercase">
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className="px-4 py-3">
            {column}
          </th>
        ))}
        <th scope="col" className="px-4 py-3">
          <span className="sr-only">{t("actions")}</span>
        </th>
      </tr>
    </thead>
  );
}

/** A table's one-row message in place of its rows: loading, the error, or why it is empty. */
export function TableNotice({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="h-24 px-4 text-center text-slate-600">
        {children}
      </td>
    </tr>
  );
}
import { useTranslations } from "next-intl";
