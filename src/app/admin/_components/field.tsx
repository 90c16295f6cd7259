"use client";
// Labelled form fields whose control is marked invalid, and pointed at the form's error message,
// when the server's error names it ("Email: …"), and the message itself.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { alertClass, inputClass, labelClass } from "../_lib/styles";
import type { FieldName } from "@/shared/server-text";
import type { FormProblem } from "../_lib/error-text";

interface FrameProps {
  label: string;
  /** Which field it is in the server's messages (shared/server-text.ts): its errors mark it. */
  field?: FieldName;
  /** The form's current error and the id of the element showing it (FormError). */
  error: FormProblem | null;
  errorId: string;
  hint?: ReactNode;
}

/** What the frame gives its control: its id, whether the error names it, its hint and its look. */
interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-errormessage": string | undefined;
  "aria-describedby": string | undefined;
  className: string;
}

function FieldFrame({ label, field, error, errorId, hint, control }: FrameProps & { control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const invalid = field !== undefined && error?.field === field;
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {control({
        id,
        "aria-invalid": invalid || undefined,
        "aria-errormessage": invalid ? errorId : undefined,
        "aria-describedby": hint ? `${id}-hint` : undefined,
        className: inputClass,
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

type Without<Attributes> = Omit<Attributes, "className" | "id">;

export function Field({ label, field, error, errorId, hint, ...input }: FrameProps & Without<InputHTMLAttributes<HTMLInputElement>>) {
  return <FieldFrame label={label} field={field} error={error} errorId={errorId} hint={hint} control={(props) => <input {...input} {...props} />} />;
}

export function TextAreaField({ label, field, error, errorId, hint, ...textarea }: FrameProps & Without<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return <FieldFrame label={label} field={field} error={error} errorId={errorId} hint={hint} control={(props) => <textarea {...textarea} {...props} />} />;
}

/** The options are its children. */
export function SelectField({ label, field, error, errorId, hint, ...select }: FrameProps & Without<SelectHTMLAttributes<HTMLSelectElement>>) {
  return <FieldFrame label={label} field={field} error={error} errorId={errorId} hint={hint} control={(props) => <select {...select} {...props} />} />;
}

/** The form's error, read out when it appears; the fields it names point at it by `id`. */
export function FormError({ id, error }: { id: string; error: FormProblem | null }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className={alertClass}>
      {error.message}
    </p>
  );
}
