"use client";
// A labelled form field whose input is marked invalid, and pointed at the form's error message,
// when the server's error names it.
import { useId, type ReactNode } from "react";
import { inputClass, labelClass } from "../_lib/styles";
import { isAboutField } from "../_lib/error-text";

interface Props extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "className" | "id"> {
  label: string;
  /** The form's current error and the id of the element showing it. */
  error: string | null;
  errorId: string;
  hint?: ReactNode;
}

export function Field({ label, error, errorId, hint, ...input }: Props) {
  const id = useId();
  const invalid = isAboutField(error, label);
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        {...input}
        aria-invalid={invalid || undefined}
        aria-errormessage={invalid ? errorId : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={inputClass}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}
