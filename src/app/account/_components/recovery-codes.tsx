"use client";
import { useId } from "react";
import { primaryButtonClass } from "../../admin/_lib/styles";

/** Shown once, right after two-factor sign-in was turned on: the server keeps only their hashes. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const ids = useId();
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="text-sm font-medium text-emerald-800">
        Two-factor sign-in is on.
      </p>
      <p id={`${ids}-hint`} className="text-sm text-slate-700">
        Save these recovery codes somewhere safe, away from your phone. Each one signs you in once if you lose your phone. They
        will not be shown again. Other sessions that began before this one were signed out.
      </p>
      <ul
        aria-label="Recovery codes"
        aria-describedby={`${ids}-hint`}
        className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-lg bg-slate-50 p-4 font-mono text-sm text-slate-900 ring-1 ring-slate-200 ring-inset select-all"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <button type="button" onClick={onDone} className={`${primaryButtonClass} self-start`} autoFocus>
        I have saved my recovery codes
      </button>
    </div>
  );
}
