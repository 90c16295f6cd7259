"use client";
// App-wide security settings. Requiring two-factor sign-in applies at once: anyone without it is
// sent to set it up and can do nothing else until they have.
import { useTranslations } from "next-intl";
import { useId } from "react";
import { api } from "@/trpc/react";
import { useErrorText } from "../_lib/error-text";
import { alertClass, cardClass, noticeClass } from "../_lib/styles";

export function SecuritySettingsForm() {
  const errorText = useErrorText();
  const t = useTranslations("SecuritySettings");
  const tCommon = useTranslations("Common");
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
        {t("title")}
      </h2>
      {!settings.data && <p className="text-sm text-slate-600">{settings.isError ? errorText(settings.error) : tCommon("loading")}</p>}
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
          {t("require")}
        </label>
      )}
      <p id={`${ids}-hint`} className="text-xs text-slate-600">
        {t("requireHint")}
      </p>
      {save.isSuccess && (
        <p role="status" className={noticeClass}>
          {t("saved")}
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
