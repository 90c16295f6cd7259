"use client";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { api } from "@/trpc/react";
import { useFormProblem } from "../../admin/_lib/error-text";
import { alertClass, primaryButtonClass, secondaryButtonClass } from "../../admin/_lib/styles";
import { Field } from "../../admin/_components/field";

type Setup = inferRouterOutputs<AppRouter>["account"]["twoFactor"]["begin"];

/** The new secret as a QR code and as text, and the code from the app that proves it was added. */
export function TwoFactorSetup({ setup, onConfirmed, onCancel }: { setup: Setup; onConfirmed: (codes: string[]) => void; onCancel: () => void }) {
  const formProblem = useFormProblem();
  const t = useTranslations("TwoFactor");
  const ids = useId();
  const [code, setCode] = useState("");
  const confirm = api.account.twoFactor.confirm.useMutation({ onSuccess: (result) => onConfirmed(result.recoveryCodes) });
  const error = confirm.error ? formProblem(confirm.error) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirm.isPending) confirm.mutate({ code });
  };

  return (
    <div className="flex flex-col gap-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
        <li>{t("step3")}</li>
      </ol>
      <div className="flex flex-wrap items-center gap-6">
        {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG made on the server, not a file to optimise */}
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
          alt={t("qrAlt")}
          width={176}
          height={176}
          className="rounded-lg ring-1 ring-slate-200"
        />
        <div className="flex min-w-0 flex-col gap-1">
          <p id={`${ids}-secret-label`} className="text-sm font-medium text-slate-700">
            {t("secret")}
          </p>
          <code aria-labelledby={`${ids}-secret-label`} data-testid="totp-secret" className="font-mono text-sm break-all text-slate-900 select-all">
            {setup.secret}
          </code>
        </div>
      </div>
      <form onSubmit={onSubmit} noValidate aria-label={t("confirmTitle")} className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <Field
            label={t("code")}
            field="authCode"
            error={error}
            errorId={`${ids}-error`}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={10}
            autoFocus
          />
        </div>
        <button type="submit" aria-disabled={confirm.isPending || undefined} className={primaryButtonClass}>
          {t("turnOn")}
        </button>
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          {t("cancel")}
        </button>
        {error && (
          <p id={`${ids}-error`} role="alert" className={`${alertClass} w-full`}>
            {error.message}
          </p>
        )}
      </form>
    </div>
  );
}
