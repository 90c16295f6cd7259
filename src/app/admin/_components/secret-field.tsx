"use client";
// A write-only secret (access token, app secret): the server only says whether one is stored. A
// stored one shows as "Stored" with a field to replace it and a box to remove it; its value is
// never shown, because the browser never has it.
import { useTranslations } from "next-intl";
import { useId } from "react";
import { inputClass, labelClass } from "../_lib/styles";
import type { FieldName } from "@/shared/server-text";
import type { FormProblem } from "../_lib/error-text";

export interface SecretChange {
  /** A new value; empty keeps what is stored. */
  value: string;
  remove: boolean;
}

/** The API's form: undefined keeps, null removes, a string replaces. */
export function secretUpdate(change: SecretChange): string | null | undefined {
  if (change.remove) return null;
  return change.value.trim() ? change.value : undefined;
}

interface Props {
  label: string;
  /** Which field it is in the server's messages ("App secret: …"). */
  field: FieldName;
  stored: boolean;
  /** What applies while nothing is stored, e.g. "the server’s WHATSAPP_APP_SECRET". */
  fallback: string;
  change: SecretChange;
  onChange: (change: SecretChange) => void;
  error: FormProblem | null;
  errorId: string;
}

export function SecretField({ label, field, stored, fallback, change, onChange, error, errorId }: Props) {
  const t = useTranslations("InboxSettings");
  const id = useId();
  const invalid = error?.field === field;
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
        {stored && (
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200 ring-inset">
            {t("stored")}
          </span>
        )}
      </div>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={change.value}
        disabled={change.remove}
        placeholder={stored ? t("replace") : t("notSet")}
        onChange={(event) => onChange({ ...change, value: event.target.value })}
        aria-invalid={invalid || undefined}
        aria-errormessage={invalid ? errorId : undefined}
        aria-describedby={`${id}-hint`}
        className={inputClass}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {stored ? t("storedHint") : t("notSetHint", { fallback })}
      </p>
      {stored && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={change.remove}
            onChange={(event) => onChange({ value: "", remove: event.target.checked })}
            className="size-4 accent-emerald-600"
          />
          {t("removeStored", { name: label.toLowerCase() })}
        </label>
      )}
    </div>
  );
}
