"use client";
// The composer's "Templates" button and the dialog it opens (mounted afresh for each opening).
// Outside the 24-hour window it is the way to reach the customer, so it stands out then.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { TemplateDialog } from "./template-dialog";

interface Props {
  conversationId: string;
  contactName: string;
  /** The window is closed: a template is what WhatsApp will accept. */
  emphasized: boolean;
  /** The 24-hour window warning, which says why a template is needed. */
  describedBy?: string;
}

export function TemplatesButton({ conversationId, contactName, emphasized, describedBy }: Props) {
  const t = useTranslations("Templates");
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [opening, setOpening] = useState<number | null>(null);
  const close = () => {
    setOpening(null);
    buttonRef.current?.focus();
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        aria-describedby={describedBy}
        onClick={() => setOpening((count) => (count ?? 0) + 1)}
        className={`inline-flex shrink-0 items-center gap-1 rounded-full font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 ${
          emphasized
            ? "bg-emerald-700 px-4 py-2 text-sm text-white shadow-sm hover:bg-emerald-800"
            : "px-3 py-1 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        }`}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" fill="currentColor" className="size-3.5">
          <path d="M3 2.5A1.5 1.5 0 0 1 4.5 1h7A1.5 1.5 0 0 1 13 2.5v11a.5.5 0 0 1-.8.4L8 10.75 3.8 13.9a.5.5 0 0 1-.8-.4v-11Z" />
        </svg>
        {t("button")}
      </button>
      {opening !== null && <TemplateDialog key={opening} conversationId={conversationId} contactName={contactName} onClose={close} />}
    </>
  );
}
