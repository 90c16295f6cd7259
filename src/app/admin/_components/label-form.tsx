"use client";
// Adding or editing one label: its name and its colour (a radio group of swatches, named for
// screen readers). The server checks both; its sentence names the field.
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { LabelChip, SWATCH } from "@/app/_components/labels/label-chip";
import { LABEL_COLORS, MAX_LABEL_NAME, type TLabelColor } from "@/shared/labels";
import type { FormProblem } from "../_lib/error-text";
import { primaryButtonClass, secondaryButtonClass } from "../_lib/styles";
import { Field, FormError } from "./field";

export interface LabelValues {
  name: string;
  color: TLabelColor;
}

interface Props {
  title: string;
  submitLabel: string;
  initial?: LabelValues;
  pending: boolean;
  error: FormProblem | null;
  onSave: (values: LabelValues) => void;
  onCancel?: () => void;
}

const EMPTY: LabelValues = { name: "", color: "sky" };

export function LabelForm({ title, submitLabel, initial = EMPTY, pending, error, onSave, onCancel }: Props) {
  const t = useTranslations("LabelsAdmin");
  const ids = useId();
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
          label={t("name")}
          field="name"
          error={error}
          errorId={`${ids}-error`}
          value={values.name}
          onChange={(event) => setValues({ ...values, name: event.target.value })}
          autoComplete="off"
          maxLength={MAX_LABEL_NAME}
        />
        <fieldset className="flex min-w-0 flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("colour")}</legend>
          <div className="flex flex-wrap items-center gap-2">
            {LABEL_COLORS.map((color) => (
              // The radio is the swatch itself (no hidden input under a drawing): clicked, focused
              // and named like any radio button.
              <input
                key={color}
                type="radio"
                name={`${ids}-color`}
                value={color}
                aria-label={t(`colours.${color}`)}
                title={t(`colours.${color}`)}
                checked={values.color === color}
                onChange={() => setValues({ ...values, color })}
                className={`size-7 cursor-pointer appearance-none rounded-full ${SWATCH[color]} ring-offset-2 checked:ring-2 checked:ring-slate-900 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-emerald-600`}
              />
            ))}
          </div>
        </fieldset>
      </div>
      <p className="flex items-center gap-2 text-sm text-slate-600">
        {t("preview")} <LabelChip label={{ id: "preview", name: values.name.trim() || t("label"), color: values.color }} />
      </p>
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
