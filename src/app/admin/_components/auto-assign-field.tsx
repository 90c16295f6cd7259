"use client";
// Whether the inbox hands new conversations out by itself (src/server/autoassign/). Off by default.
import { useTranslations } from "next-intl";
import { useId } from "react";

const checkboxClass = "mt-0.5 size-4 accent-emerald-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600";

export function AutoAssignField({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const t = useTranslations("InboxSettings");
  const ids = useId();
  return (
    <fieldset className="flex flex-col gap-2 sm:col-span-2">
      <legend className="mb-1 text-sm font-medium text-slate-700">{t("assignment")}</legend>
      <div className="flex items-start gap-2.5 text-sm text-slate-800">
        <input
          id={`${ids}-auto`}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={`${ids}-auto-about`}
          className={checkboxClass}
        />
        <div>
          <label htmlFor={`${ids}-auto`}>{t("autoAssign")}</label>
          <p id={`${ids}-auto-about`} className="text-xs text-slate-600">
            {t("autoAssignAbout")}
          </p>
        </div>
      </div>
    </fieldset>
  );
}
