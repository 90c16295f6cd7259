import type { ReactNode } from "react";

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
