// The contact panel's shared looks, in the inbox's style (slate, emerald focus rings), and its one
// keyboard rule for forms.
import type { KeyboardEvent } from "react";
export const panelInput =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 placeholder:text-slate-400 focus-visible:border-emerald-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-emerald-600";
export const primaryButton =
  "rounded-md bg-emerald-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 disabled:opacity-60";
export const secondaryButton =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 disabled:opacity-60";
export const iconButton =
  "rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-emerald-600 disabled:opacity-60";
export const sectionHeading = "text-xs font-semibold tracking-wide text-slate-500 uppercase";

/** Escape in a form of the panel cancels that form, and does not also close the panel. */
export function cancelOnEscape(event: KeyboardEvent, cancel: () => void): void {
  if (event.key !== "Escape") return;
  event.stopPropagation();
  cancel();
}
