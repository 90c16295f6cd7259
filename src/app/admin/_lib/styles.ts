// The admin pages' controls, in the inbox's look (emerald accents, slate text, visible focus).
export const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-500 focus:border-emerald-600 focus:outline-none focus:ring-2 focus:ring-emerald-600/30 aria-invalid:border-red-400 disabled:bg-slate-100 disabled:text-slate-500";

export const labelClass = "text-sm font-medium text-slate-700";

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600";

export const primaryButtonClass = `rounded-lg bg-emerald-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-emerald-800 ${focusRing} aria-disabled:cursor-wait aria-disabled:opacity-70`;

export const secondaryButtonClass = `rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-100 ${focusRing} aria-disabled:cursor-wait aria-disabled:opacity-70`;

export const dangerButtonClass = `rounded-md px-2.5 py-1.5 text-sm font-medium text-red-700 ring-1 ring-red-200 ring-inset hover:bg-red-50 ${focusRing} aria-disabled:cursor-wait aria-disabled:opacity-70`;

export const cardClass = "rounded-2xl bg-white shadow-sm ring-1 ring-slate-200";

export const alertClass = "rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset";

export const noticeClass = "text-sm text-emerald-800";
