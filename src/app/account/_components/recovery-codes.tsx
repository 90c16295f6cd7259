"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { primaryButtonClass } from "../../admin/_lib/styles";

/** Shown once, right after two-factor sign-in was turned on: the server keeps only their hashes. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("TwoFactor");
  const ids = useId();
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="text-sm font-medium text-emerald-800">
        {t("isOn")}
      </p>
      <p id={`${ids}-hint`} className="text-sm text-slate-700">
        {t("saveCodes")}
      </p>
      <ul
        aria-label={t("recoveryCodes")}
        aria-describedby={`${ids}-hint`}
        className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-lg bg-slate-50 p-4 font-mono text-sm text-slate-900 ring-1 ring-slate-200 ring-inset select-all"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <button type="button" onClick={onDone} className={`${primaryButtonClass} self-start`} autoFocus>
        {t("savedCodes")}
      </button>
    </div>
  );
}
