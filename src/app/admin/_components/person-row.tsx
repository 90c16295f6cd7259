"use client";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { MIN_PASSWORD_LENGTH } from "@/shared/admin";
import type { Role } from "@/shared/dto";
import { api } from "@/trpc/react";
import { useErrorText } from "../_lib/error-text";
import type { AdminPerson } from "../_lib/types";
import { CapacityField } from "./capacity-field";
import { alertClass, dangerButtonClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from "../_lib/styles";

type Person = AdminPerson;

interface Props {
  person: Person;
  isMe: boolean;
  /** A failed role or active change, shown above the table (null clears it). */
  onError: (message: string | null) => void;
}

export function PersonRow({ person, isMe, onError }: Props) {
  const errorText = useErrorText();
  const t = useTranslations("People");
  const ids = useId();
  const utils = api.useUtils();
  const done = {
    onSuccess: () => utils.admin.people.list.invalidate(),
    onError: (error: unknown) => onError(errorText(error)),
  };
  const setRole = api.admin.people.setRole.useMutation(done);
  const setActive = api.admin.people.setActive.useMutation(done);
  const resetTwoFactor = api.admin.people.resetTwoFactor.useMutation(done);
  const [resetting, setResetting] = useState(false);
  const busy = setRole.isPending || setActive.isPending || resetTwoFactor.isPending;

  return (
    <>
      <tr className={person.active ? "" : "bg-slate-50 text-slate-600"}>
        <th scope="row" className="px-4 py-3 font-medium text-slate-900">
          {person.name}
          {isMe && <span className="ml-1.5 text-xs font-normal text-slate-600">{t("youMark")}</span>}
        </th>
        <td className="px-4 py-3 break-all">{person.email}</td>
        <td className="px-4 py-3">
          <label htmlFor={`${ids}-role`} className="sr-only">
            {t("roleOf", { name: person.name })}
          </label>
          <select
            id={`${ids}-role`}
            value={person.role}
            // Admins cannot demote themselves (the server refuses it too).
            disabled={isMe}
            aria-disabled={busy || undefined}
            onChange={(event) => {
              onError(null);
              if (!busy) setRole.mutate({ userId: person.id, role: event.target.value as Role });
            }}
            className={`${inputClass} w-28 py-1.5`}
          >
            <option value="agent">{t("roles.agent")}</option>
            <option value="admin">{t("roles.admin")}</option>
          </select>
        </td>
        <td className="px-4 py-3">
          <span
            className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
              person.active ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-slate-100 text-slate-700 ring-slate-300"
            }`}
          >
            {person.active ? t("active") : t("deactivated")}
          </span>
        </td>
        <td className="px-4 py-3">{person.twoFactor ? t("on") : t("off")}</td>
        <td className="px-4 py-3">
          <CapacityField person={person} onError={onError} />
        </td>
        <td className="px-4 py-3">
          <div className="flex justify-end gap-2">
            <button
              type="button"
              aria-expanded={resetting}
              aria-controls={`${ids}-reset`}
              aria-label={t("resetPasswordOf", { name: person.name })}
              onClick={() => setResetting(!resetting)}
              className={secondaryButtonClass}
            >
              {t("resetPassword")}
            </button>
            {person.twoFactor && (
              <button
                type="button"
                aria-label={t("turnOffTwoFactorOf", { name: person.name })}
                title={t("turnOffTwoFactorHint")}
                aria-disabled={busy || undefined}
                onClick={() => {
                  onError(null);
                  if (!busy) resetTwoFactor.mutate({ userId: person.id });
                }}
                className={secondaryButtonClass}
              >
                {t("turnOffTwoFactor")}
              </button>
            )}
            {!isMe && (
              <button
                type="button"
                aria-label={person.active ? t("deactivateName", { name: person.name }) : t("reactivateName", { name: person.name })}
                aria-disabled={busy || undefined}
                onClick={() => {
                  onError(null);
                  if (!busy) setActive.mutate({ userId: person.id, active: !person.active });
                }}
                className={person.active ? dangerButtonClass : secondaryButtonClass}
              >
                {person.active ? t("deactivate") : t("reactivate")}
              </button>
            )}
          </div>
        </td>
      </tr>
      {resetting && (
        <tr id={`${ids}-reset`}>
          <td colSpan={7} className="bg-slate-50 px-4 py-3">
            <ResetPasswordForm person={person} isMe={isMe} onDone={() => setResetting(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

function ResetPasswordForm({ person, isMe, onDone }: { person: Person; isMe: boolean; onDone: () => void }) {
  const errorText = useErrorText();
  const t = useTranslations("People");
  const ids = useId();
  const [password, setPassword] = useState("");
  const reset = api.admin.people.resetPassword.useMutation();
  const [saved, setSaved] = useState(false);
  const error = reset.error ? errorText(reset.error) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!reset.isPending) reset.mutate({ userId: person.id, password }, { onSuccess: () => setSaved(true) });
  };

  if (saved) {
    return (
      <div className="flex items-center justify-between gap-4">
        <p role="status" className="text-sm text-emerald-800">
          {t("passwordSaved", { name: person.name })}
        </p>
        <button type="button" onClick={onDone} className={secondaryButtonClass} autoFocus>
          {t("done")}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("resetPasswordOf", { name: person.name })} className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-56 flex-1 flex-col gap-1.5">
        <label htmlFor={`${ids}-password`} className={labelClass}>
          {t("newPasswordFor", { name: person.name })}
        </label>
        <input
          id={`${ids}-password`}
          type="password"
          autoComplete="new-password"
          autoFocus
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-errormessage={error ? `${ids}-error` : undefined}
          aria-describedby={`${ids}-hint`}
          className={inputClass}
        />
      </div>
      <div className="flex gap-2">
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          {t("cancel")}
        </button>
        <button type="submit" aria-disabled={reset.isPending || undefined} className={primaryButtonClass}>
          {t("save")}
        </button>
      </div>
      <p id={`${ids}-hint`} className="w-full text-xs text-slate-600">
        {isMe ? t("passwordHintSelf", { min: MIN_PASSWORD_LENGTH }) : t("passwordHintOther", { min: MIN_PASSWORD_LENGTH, name: person.name })}
      </p>
      {error && (
        <p id={`${ids}-error`} role="alert" className={`${alertClass} w-full`}>
          {error}
        </p>
      )}
    </form>
  );
}
