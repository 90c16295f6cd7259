"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { Translator } from "@/i18n/translator";
import { SIGN_IN_CODE_REQUIRED, SIGN_IN_CODE_WRONG } from "@/shared/two-factor";
import { CodeStep } from "./code-step";
import { inputClass } from "./styles";

/** What a person reads when sign-in did not work; the server names throttling as TooManyAttempts:<seconds>. */
function signInErrorMessage(error: string | null | undefined, status: number | undefined, t: Translator<"Login">): string {
  const throttled = /^TooManyAttempts:(\d+)$/.exec(error ?? "");
  if (throttled) return t("tooManyAttempts", { minutes: Math.max(1, Math.ceil(Number(throttled[1]) / 60)) });
  if (error === SIGN_IN_CODE_WRONG) return t("wrongCode");
  if (error === "CredentialsSignin" || status === 401) return t("wrongPassword");
  return t("failed");
}

interface Credentials {
  email: string;
  password: string;
}

/**
 * Email and password first; for an account with two-factor sign-in the server answers that a code
 * is needed, and the form asks for it, then sends all three again (the password is checked again).
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("Login");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Set once the password was right and a code is needed: the second step.
  const [codeFor, setCodeFor] = useState<Credentials | null>(null);

  async function attempt(credentials: Credentials, code?: string) {
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { ...credentials, ...(code === undefined ? {} : { code }), redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so the server renders the inbox with the new session cookie.
        window.location.assign(callbackUrl);
        return;
      }
      if (result?.error === SIGN_IN_CODE_REQUIRED) setCodeFor(credentials);
      else setError(signInErrorMessage(result?.error, result?.status, t));
    } catch {
      setError(t("unreachable"));
    }
    setPending(false);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (codeFor) void attempt(codeFor, String(form.get("code") ?? ""));
    else void attempt({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
          {error}
        </p>
      )}
      {codeFor ? (
        <CodeStep
          email={codeFor.email}
          onStartOver={() => {
            setCodeFor(null);
            setError(null);
          }}
        />
      ) : (
        <>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="email" className="text-sm font-medium text-slate-700">
              {t("email")}
            </label>
            <input id="email" name="email" type="email" autoComplete="username" required autoFocus className={inputClass} />
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="password" className="text-sm font-medium text-slate-700">
              {t("password")}
            </label>
            <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
          </div>
        </>
      )}
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="mt-1 rounded-lg bg-emerald-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 disabled:cursor-wait disabled:opacity-70"
      >
        {codeFor ? t("verify") : t("signIn")}
      </button>
    </form>
  );
}
