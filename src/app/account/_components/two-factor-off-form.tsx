"use client";
import { useId, useState, type FormEvent } from "react";
import { api } from "@/trpc/react";
import { errorText } from "../../admin/_lib/error-text";
import { alertClass, dangerButtonClass, secondaryButtonClass } from "../../admin/_lib/styles";
import { Field } from "../../admin/_components/field";

type Proof = "password" | "code";

/** Turning it off is proven with the password or a current code, the person's choice. */
export function TwoFactorOffForm({ required, onCancel, onDone }: { required: boolean; onCancel: () => void; onDone: () => void }) {
  const ids = useId();
  const [proof, setProof] = useState<Proof>("password");
  const [value, setValue] = useState("");
  const disable = api.account.twoFactor.disable.useMutation({ onSuccess: onDone });
  const error = disable.error ? errorText(disable.error) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!disable.isPending) disable.mutate(proof === "password" ? { password: value } : { code: value });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Turn off two-factor sign-in" className="flex flex-col gap-3 rounded-lg bg-slate-50 p-4">
      <fieldset className="flex flex-wrap gap-4 text-sm text-slate-700">
        <legend className="mb-1 text-sm font-medium text-slate-700">Confirm with</legend>
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
            {option === "password" ? "Your password" : "An authentication code"}
          </label>
        ))}
      </fieldset>
      <Field
        key={proof}
        label={proof === "password" ? "Password" : "Authentication code"}
        type={proof === "password" ? "password" : "text"}
        autoComplete={proof === "password" ? "current-password" : "one-time-code"}
        error={error}
        errorId={`${ids}-error`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        hint={required ? "Your team requires two-factor sign-in: you will be asked to set it up again at once." : undefined}
      />
      {error && (
        <p id={`${ids}-error`} role="alert" className={alertClass}>
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" aria-disabled={disable.isPending || undefined} className={dangerButtonClass}>
          Turn off
        </button>
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
