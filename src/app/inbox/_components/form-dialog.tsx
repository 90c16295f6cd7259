"use client";
// The inbox's modal forms ("Send a template", "Simulate customer"), in a native modal <dialog>: the
// browser traps focus inside it and closes it on Escape; `onOpen` puts focus where typing starts,
// and the opener takes focus back when it closes (onClose). The dialog is mounted afresh
// for each opening, so every opening starts from a clean form.
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId, useRef, type FormEvent, type ReactNode } from "react";

/** The dialogs' text fields; marked red while the error names them (aria-invalid). */
export const dialogInputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-emerald-600 focus:outline-none focus:ring-2 focus:ring-emerald-600/30 aria-invalid:border-red-400";

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600";

interface Props {
  title: string;
  description: ReactNode;
  /** The dialog's width, a Tailwind class: each form has its own. */
  widthClass: string;
  /** Runs once the dialog is shown: focus the field where typing starts. */
  onOpen: () => void;
  /** Sends the form; resolves true when done, so the dialog closes, false to stay open (e.g. to show an error). */
  onSubmit: () => Promise<boolean>;
  submitLabel: string;
  /** Nothing to send yet (e.g. no template chosen). */
  submitUnavailable?: boolean;
  /** Sending: a second press does nothing. */
  busy: boolean;
  /** The dialog closed (sent, Cancel or Escape); the opener unmounts it and takes focus back. */
  onClose: () => void;
  children: ReactNode;
}

export function FormDialog({ title, description, widthClass, onOpen, onSubmit, submitLabel, submitUnavailable = false, busy, onClose, children }: Props) {
  const t = useTranslations("Common");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const opened = useEffectEvent(onOpen);

  useEffect(() => {
    dialogRef.current?.showModal();
    opened();
  }, []);

  const close = () => dialogRef.current?.close();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitUnavailable || busy) return;
    if (await onSubmit()) close();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-help`}
      onClose={onClose}
      className={`m-auto ${widthClass} rounded-2xl bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40`}
    >
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4 p-5" noValidate>
        <div>
          <h2 id={`${ids}-title`} className="text-base font-semibold">
            {title}
          </h2>
          <p id={`${ids}-help`} className="mt-1 text-sm text-slate-600">
            {description}
          </p>
        </div>
        {children}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={close} className={`rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 ${focusRing}`}>
            {t("cancel")}
          </button>
          <button
            type="submit"
            // aria-disabled, not disabled: a disabled button drops the focus, and on an error the
            // person would have to find their way back into the form.
            aria-disabled={submitUnavailable || busy}
            aria-busy={busy}
            className={`rounded-lg bg-emerald-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-emerald-800 ${focusRing} ${
              busy ? "aria-disabled:cursor-wait aria-disabled:opacity-70" : "aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
            }`}
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

