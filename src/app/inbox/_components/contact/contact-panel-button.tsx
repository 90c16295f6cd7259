"use client";
// Whether the contact panel is open (below the widths where it is always shown), and the button in
// the conversation's header that opens and closes it. Closing gives the keyboard back to the button.
import { useTranslations } from "next-intl";
import { useCallback, useId, useState } from "react";

export interface ContactPanelState {
  panelId: string;
  buttonId: string;
  open: boolean;
  toggle: () => void;
  close: () => void;
}

export function useContactPanelState(): ContactPanelState {
  const panelId = useId();
  const buttonId = useId();
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((current) => !current), []);
  const close = useCallback(() => {
    setOpen(false);
    // The conversation is shown again first on a phone; then the keyboard goes back to the button.
    requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
  }, [buttonId]);
  return { panelId, buttonId, open, toggle, close };
}

/** The header's button that opens and closes the panel; not needed where the panel is always shown. */
export function ContactPanelButton({ state }: { state: ContactPanelState }) {
  const t = useTranslations("Contact");
  return (
    <button
      id={state.buttonId}
      type="button"
      aria-expanded={state.open}
      aria-controls={state.panelId}
      onClick={state.toggle}
      className={`inline-flex shrink-0 items-center gap-1 rounded-md border px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 2xl:hidden ${
        state.open ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
      }`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
        <path fillRule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-5.5-2.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0ZM10 12a5.99 5.99 0 0 0-4.793 2.39A6.48 6.48 0 0 0 10 16.5a6.48 6.48 0 0 0 4.793-2.11A5.99 5.99 0 0 0 10 12Z" clipRule="evenodd" />
      </svg>
      <span className="sr-only sm:not-sr-only">{t("region")}</span>
    </button>
  );
}
