"use client";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { ROLES, type Role } from "@/shared/dto";
import { api } from "@/trpc/react";
import { useFormProblem } from "../_lib/error-text";
import { cardClass, noticeClass, primaryButtonClass } from "../_lib/styles";
import { Field, FormError, SelectField } from "./field";

export function AddPersonForm() {
  const formProblem = useFormProblem();
  const t = useTranslations("People");
  const ids = useId();
  const utils = api.useUtils();
  const create = api.admin.people.create.useMutation({ onSuccess: () => utils.admin.people.list.invalidate() });
  const [form, setForm] = useState({ name: "", email: "", password: "", role: "agent" as Role });
  const [added, setAdded] = useState<string | null>(null);
  const error = create.error ? formProblem(create.error) : null;
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setAdded(null);
    create.mutate(form, {
      onSuccess: (person) => {
        setForm({ name: "", email: "", password: "", role: "agent" });
        setAdded(t("added", { name: person.name, email: person.email }));
      },
    });
  };

  return (
    <section aria-labelledby={`${ids}-title`} className={cardClass}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 p-5" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`} className="text-base font-semibold text-slate-900">
          {t("addTitle")}
        </h2>
        <FormError id={`${ids}-error`} error={error} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("name")} field="name" error={error} errorId={`${ids}-error`} value={form.name} onChange={set("name")} autoComplete="off" maxLength={80} />
          <Field label={t("email")} field="email" error={error} errorId={`${ids}-error`} type="email" value={form.email} onChange={set("email")} autoComplete="off" />
          <Field
            label={t("password")}
            field="password"
            error={error}
            errorId={`${ids}-error`}
            type="password"
            value={form.password}
            onChange={set("password")}
            autoComplete="new-password"
            hint={t("passwordHint")}
          />
          <SelectField label={t("role")} field="role" error={error} errorId={`${ids}-error`} value={form.role} onChange={set("role")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="flex min-h-9 items-center justify-between gap-4">
          <p role="status" className={noticeClass}>
            {added}
          </p>
          <button type="submit" aria-disabled={create.isPending || undefined} className={primaryButtonClass}>
            {create.isPending ? t("adding") : t("add")}
          </button>
        </div>
      </form>
    </section>
  );
}
