"use client";
// Two-factor sign-in for the signed-in person: off → set up (QR code, confirm with a code) →
// recovery codes, shown once → on (turn off with the password or a current code).
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useState } from "react";
import { api } from "@/trpc/react";
import { useErrorText } from "../../admin/_lib/error-text";
import { alertClass, cardClass, primaryButtonClass, secondaryButtonClass } from "../../admin/_lib/styles";
import { RecoveryCodes } from "./recovery-codes";
import { TwoFactorOffForm } from "./two-factor-off-form";
import { TwoFactorSetup } from "./two-factor-setup";

export function TwoFactorSection() {
  const errorText = useErrorText();
  const t = useTranslations("TwoFactor");
  const ids = useId();
  const utils = api.useUtils();
  const status = api.account.twoFactor.status.useQuery();
  const begin = api.account.twoFactor.begin.useMutation();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [turningOff, setTurningOff] = useState(false);
  const refresh = () => void utils.account.twoFactor.status.invalidate();

  let body;
  if (codes) {
    body = <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  } else if (!status.data) {
    body = <p className="text-sm text-slate-600">{status.isError ? errorText(status.error) : t("loading")}</p>;
  } else if (status.data.enabled) {
    body = (
      <>
        <p className="text-sm text-slate-700">
          {t.rich("onWithCodes", { count: status.data.recoveryCodesLeft, strong: (chunks) => <span className="font-medium text-emerald-800">{chunks}</span> })}
        </p>
        {turningOff ? (
          <TwoFactorOffForm
            required={status.data.required}
            onCancel={() => setTurningOff(false)}
            onDone={() => {
              setTurningOff(false);
              refresh();
            }}
          />
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <Link href="/inbox" className={primaryButtonClass}>
              {t("goToInbox")}
            </Link>
            <button type="button" onClick={() => setTurningOff(true)} className={secondaryButtonClass}>
              {t("turnOffTitle")}
            </button>
          </div>
        )}
      </>
    );
  } else if (begin.data) {
    body = (
      <TwoFactorSetup
        setup={begin.data}
        onConfirmed={(recoveryCodes) => {
          setCodes(recoveryCodes);
          begin.reset();
          refresh();
        }}
        onCancel={() => begin.reset()}
      />
    );
  } else {
    body = (
      <>
        <p className="text-sm text-slate-700">
          {t("isOff")}
        </p>
        {begin.error && (
          <p role="alert" className={alertClass}>
            {errorText(begin.error)}
          </p>
        )}
        <button type="button" onClick={() => begin.mutate()} aria-disabled={begin.isPending || undefined} className={`${primaryButtonClass} self-start`}>
          {t("setUp")}
        </button>
      </>
    );
  }

  return (
    <section aria-labelledby={`${ids}-title`} className={`${cardClass} flex flex-col gap-4 p-6`}>
      <h2 id={`${ids}-title`} className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      {status.data?.required && !status.data.enabled && !codes && (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
          {t("required")}
        </p>
      )}
      {body}
    </section>
  );
}
