"use client";
// App-wide security settings. Requiring two-factor sign-in applies at once: anyone without it is
// sent to set it up and can do nothing else until they have.
import { useId } from "react";
import { api } from "@/trpc/react";
import { errorText } from "../_lib/error-text";
import { alertClass, cardClass, noticeClass } from "../_lib/styles";

export function SecuritySettingsForm() {
  const ids = useId();
  const utils = api.useUtils();
  const settings = api.admin.security.get.useQuery();
  const save = api.admin.security.setTwoFactorRequired.useMutation({
    onSuccess: (saved) => {
      utils.admin.security.get.setData(undefined, saved);
      void utils.admin.people.list.invalidate();
    },
  });
  const required = save.isPending ? save.variables.required : settings.data?.twoFactorRequired;

  return (
    <section aria-labelledby={`${ids}-title`} className={`${cardClass} flex flex-col gap-3 p-6`}>
      <h2 id={`${ids}-title`} className="text-base font-semibold text-slate-900">
        Two-factor sign-in
      </h2>
      {!settings.data && <p className="text-sm text-slate-600">{settings.isError ? errorText(settings.error) : "Loading…"}</p>}
      {settings.data && (
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={required ?? false}
            aria-describedby={`${ids}-hint`}
            aria-disabled={save.isPending || undefined}
            onChange={(event) => {
              if (!save.isPending) save.mutate({ required: event.target.checked });
            }}
            className="mt-0.5 size-4 accent-emerald-600"
          />
          Require two-factor sign-in for everyone
        </label>
      )}
      <p id={`${ids}-hint`} className="text-xs text-slate-600">
        People without it are sent to set it up the next time they open a page, and can do nothing else until they have. You
        need it on yourself first. Someone who lost their phone can have it turned off on the People page.
      </p>
      {save.isSuccess && (
        <p role="status" className={noticeClass}>
          Saved.
        </p>
      )}
      {save.error && (
        <p role="alert" className={alertClass}>
          {errorText(save.error)}
        </p>
      )}
    </section>
  );
}
