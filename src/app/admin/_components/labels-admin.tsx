"use client";
// The Labels page: every label with Edit and Delete, and a form to add one. Editing opens the same
// form in place of the row. Deleting takes the label off every conversation, so it asks first.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { LabelChip } from "@/app/_components/labels/label-chip";
import type { TLabel } from "@/shared/labels";
import { api } from "@/trpc/react";
import { useErrorText, useFormProblem } from "../_lib/error-text";
import { alertClass, cardClass, dangerButtonClass, noticeClass, secondaryButtonClass } from "../_lib/styles";
import { LabelForm, type LabelValues } from "./label-form";

export function LabelsAdmin() {
  const errorText = useErrorText();
  const formProblem = useFormProblem();
  const t = useTranslations("LabelsAdmin");
  const tCommon = useTranslations("Common");
  const ids = useId();
  const utils = api.useUtils();
  const list = api.label.list.useQuery();
  const refresh = () => void utils.label.list.invalidate();
  const create = api.label.create.useMutation({ onSuccess: refresh });
  const update = api.label.update.useMutation({ onSuccess: refresh });
  const remove = api.label.delete.useMutation({ onSuccess: refresh });
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [added, setAdded] = useState<string | null>(null);
  const labels = list.data ?? [];

  const add = (values: LabelValues) => {
    setAdded(null);
    create.mutate(values, {
      onSuccess: (label) => {
        setFormKey((key) => key + 1); // a fresh, empty form
        setAdded(t("added", { name: label.name }));
      },
    });
  };

  const askToDelete = (label: TLabel) => {
    if (remove.isPending) return;
    if (window.confirm(t("confirmDelete", { name: label.name }))) remove.mutate({ id: label.id });
  };

  return (
    <>
      <section aria-labelledby={`${ids}-title`} className={cardClass}>
        <h2 id={`${ids}-title`} className="px-5 pt-5 text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        {remove.error && (
          <p role="alert" className={`${alertClass} mx-5 mt-3`}>
            {errorText(remove.error)}
          </p>
        )}
        <ul className="divide-y divide-slate-100">
          {labels.map((label) =>
            editing === label.id ? (
              <li key={label.id}>
                <LabelForm
                  title={t("edit", { name: label.name })}
                  submitLabel={tCommon("save")}
                  initial={{ name: label.name, color: label.color }}
                  pending={update.isPending}
                  error={update.error ? formProblem(update.error) : null}
                  onSave={(values) => update.mutate({ id: label.id, ...values }, { onSuccess: () => setEditing(null) })}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={label.id} className="flex items-center gap-3 px-5 py-3">
                <div className="min-w-0 flex-1">
                  <LabelChip label={label} />
                </div>
                <button
                  type="button"
                  aria-label={t("edit", { name: label.name })}
                  onClick={() => {
                    update.reset();
                    setEditing(label.id);
                  }}
                  className={secondaryButtonClass}
                >
                  {tCommon("edit")}
                </button>
                <button
                  type="button"
                  aria-label={t("delete", { name: label.name })}
                  aria-disabled={remove.isPending || undefined}
                  onClick={() => askToDelete(label)}
                  className={dangerButtonClass}
                >
                  {tCommon("delete")}
                </button>
              </li>
            ),
          )}
        </ul>
        {labels.length === 0 && (
          <p className="px-5 pt-2 pb-5 text-sm text-slate-600">
            {list.isError ? errorText(list.error) : list.data ? t("none") : tCommon("loading")}
          </p>
        )}
      </section>
      <section className={cardClass} aria-label={t("addTitle")}>
        <LabelForm
          key={formKey}
          title={t("addTitle")}
          submitLabel={tCommon("add")}
          pending={create.isPending}
          error={create.error ? formProblem(create.error) : null}
          onSave={add}
        />
        {added && (
          <p role="status" className={`${noticeClass} px-5 pb-5`}>
            {added}
          </p>
        )}
      </section>
    </>
  );
}
