"use client";
// Adding or editing one canned response: its shortcut, its text with placeholders, and — for shared
// ones — where it is offered. The server checks the placeholders; its sentence names the field.
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Field, FormError, SelectField, TextAreaField } from "@/app/admin/_components/field";
import type { FormProblem } from "@/app/admin/_lib/error-text";
import { primaryButtonClass, secondaryButtonClass } from "@/app/admin/_lib/styles";
import { MAX_CANNED_BODY_LENGTH, MAX_SHORTCUT_LENGTH, PLACEHOLDER_NAMES } from "@/shared/canned-responses";

export interface CannedValues {
  shortcut: string;
  body: string;
  /** null: everyone; only asked for when `inboxes` is given. */
  inboxId: string | null;
}

interface Props {
  title: string;
  submitLabel: string;
  initial?: CannedValues;
  /** Where a shared response may be offered; absent for one's own. */
  inboxes?: readonly { id: string; name: string }[];
  pending: boolean;
  error: FormProblem | null;
  onSave: (values: CannedValues) => void;
  onCancel?: () => void;
}

const EMPTY: CannedValues = { shortcut: "", body: "", inboxId: null };
const EVERYONE = "";

export function CannedResponseForm({ title, submitLabel, initial = EMPTY, inboxes, pending, error, onSave, onCancel }: Props) {
  const ids = useId();
  const t = useTranslations("CannedManager");
  const [values, setValues] = useState(initial);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSave(values);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-title`} className="flex flex-col gap-4 p-5">
      <h2 id={`${ids}-title`} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <FormError id={`${ids}-error`} error={error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t("shortcut")}
          field="shortcut"
          error={error}
          errorId={`${ids}-error`}
          value={values.shortcut}
          onChange={(event) => setValues({ ...values, shortcut: event.target.value })}
          autoComplete="off"
          maxLength={MAX_SHORTCUT_LENGTH}
          hint={t("shortcutHint")}
        />
        {inboxes && (
          <SelectField
            label={t("availableIn")}
            field="inbox"
            error={error}
            errorId={`${ids}-error`}
            value={values.inboxId ?? EVERYONE}
            onChange={(event) => setValues({ ...values, inboxId: event.target.value === EVERYONE ? null : event.target.value })}
          >
            <option value={EVERYONE}>{t("everyInbox")}</option>
            {inboxes.map((inbox) => (
              <option key={inbox.id} value={inbox.id}>
                {inbox.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <TextAreaField
        label={t("text")}
        field="text"
        error={error}
        errorId={`${ids}-error`}
        rows={4}
        value={values.body}
        maxLength={MAX_CANNED_BODY_LENGTH}
        onChange={(event) => setValues({ ...values, body: event.target.value })}
        hint={t("placeholders", { names: PLACEHOLDER_NAMES.map((name) => `{{${name}}}`).join(", ") })}
      />
      <div className="flex items-center gap-2">
        <button type="submit" aria-disabled={pending || undefined} className={primaryButtonClass}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className={secondaryButtonClass}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
