"use client";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { api } from "@/trpc/react";
import { useFormProblem } from "../../admin/_lib/error-text";
import { alertClass, dangerButtonClass, secondaryButtonClass } from "../../admin/_lib/styles";
import { Field } from "../../admin/_components/field";

type Proof = "password" | "code";

/** Turning it off is proven with the password or a current code, the person's choice. */
export function TwoFactorOffForm({ required, onCancel, onDone }: { required: boolean; onCancel: () => void; onDone: () => void }) {
  const formProblem = useFormProblem();
  const t = useTranslations("TwoFactor");
  const ids = useId();
  const [proof, setProof] = useState<Proof>("password");
  const [value, setValue] = useState("");
  const disable = api.account.twoFactor.disable.useMutation({ onSuccess: onDone });
  const error = disable.error ? formProblem(disable.error) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!disable.isPending) disable.mutate(proof === "password" ? { password: value } : { code: value });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("turnOffTitle")} className="flex flex-col gap-3 rounded-lg bg-slate-50 p-4">
      <fieldset className="flex flex-wrap gap-4 text-sm text-slate-700">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("confirmWith")}</legend>
        {(["password", "code"] as const).map((option) => (
          <label key={option} className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${ids}-proof`}
              checked={proof === option}
              onChange={() => {
                setProof(option);
                setValue("");
              }}
              className="accent-emerald-600"
            />
            {option === "password" ? t("yourPassword") : t("aCode")}
          </label>
        ))}
      </fieldset>
      <Field
        key={proof}
        label={proof === "password" ? t("password") : t("code")}
        field={proof === "password" ? "password" : "authCode"}
        type={proof === "password" ? "password" : "text"}
        autoComplete={proof === "password" ? "current-password" : "one-time-code"}
        error={error}
        errorId={`${ids}-error`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        hint={required ? t("requiredAgain") : undefined}
      />
      {error && (
        <p id={`${ids}-error`} role="alert" className={alertClass}>
          {error.message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" aria-disabled={disable.isPending || undefined} className={dangerButtonClass}>
          {t("turnOff")}
        </button>
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
