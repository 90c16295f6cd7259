"use client";
import { useTranslations } from "next-intl";
import { inputClass } from "./styles";

/** The second step of signing in: the code from the authenticator app, or a recovery code. */
export function CodeStep({ email, onStartOver }: { email: string; onStartOver: () => void }) {
  const t = useTranslations("Login");
  return (
    <>
      <p className="text-sm text-slate-600">
        {t.rich("twoFactorOn", { email, strong: (chunks) => <span className="font-medium break-words text-slate-900">{chunks}</span> })}
      </p>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="code" className="text-sm font-medium text-slate-700">
          {t("code")}
        </label>
        <input
          id="code"
          name="code"
          type="text"
          // Not numeric-only: a recovery code has letters too.
          inputMode="text"
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={64}
          required
          autoFocus
          aria-describedby="code-hint"
          className={`${inputClass} font-mono tracking-wider`}
        />
        <p id="code-hint" className="text-xs text-slate-600">
          {t("codeHint")}
        </p>
      </div>
      <button
        type="button"
        onClick={onStartOver}
        className="self-start rounded-md text-sm font-medium text-emerald-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
      >
        {t("startOver")}
      </button>
    </>
  );
}
