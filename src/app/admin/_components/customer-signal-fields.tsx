"use client";
// What the customer sees of the team without a message: blue ticks when an agent has read their
// messages, and "typing…" while an agent writes. Both on by default; typing needs read receipts,
// because WhatsApp only shows it together with one.
import { useTranslations } from "next-intl";
import { useId } from "react";

export interface CustomerSignals {
  sendReadReceipts: boolean;
  sendTypingIndicator: boolean;
}

const checkboxClass = "mt-0.5 size-4 accent-emerald-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600";

export function CustomerSignalFields({ value, onChange }: { value: CustomerSignals; onChange: (next: CustomerSignals) => void }) {
  const t = useTranslations("InboxSettings");
  const ids = useId();
  return (
    <fieldset className="flex flex-col gap-2 sm:col-span-2">
      <legend className="mb-1 text-sm font-medium text-slate-700">{t("customerSees")}</legend>
      <div className="flex items-start gap-2.5 text-sm text-slate-800">
        <input
          id={`${ids}-receipts`}
          type="checkbox"
          checked={value.sendReadReceipts}
          onChange={(event) => onChange({ ...value, sendReadReceipts: event.target.checked })}
          aria-describedby={`${ids}-receipts-about`}
          className={checkboxClass}
        />
        <div>
          <label htmlFor={`${ids}-receipts`}>{t("readReceipts")}</label>
          <p id={`${ids}-receipts-about`} className="text-xs text-slate-600">
            {t("readReceiptsAbout")}
          </p>
        </div>
      </div>
      <div className="flex items-start gap-2.5 text-sm text-slate-800">
        <input
          id={`${ids}-typing`}
          type="checkbox"
          checked={value.sendTypingIndicator}
          disabled={!value.sendReadReceipts}
          onChange={(event) => onChange({ ...value, sendTypingIndicator: event.target.checked })}
          aria-describedby={`${ids}-typing-about`}
          className={checkboxClass}
        />
        <div>
          <label htmlFor={`${ids}-typing`}>{t("typing")}</label>
          <p id={`${ids}-typing-about`} className="text-xs text-slate-600">
            {t("typingAbout")}
          </p>
        </div>
      </div>
    </fieldset>
  );
}
