"use client";
// An inbox's settings: adds a new inbox (`inbox` null) or saves an existing one. The token and the
// app secret are write-only (./secret-field.tsx).
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { api } from "@/trpc/react";
import { useFormProblem } from "../_lib/error-text";
import { alertClass, cardClass, noticeClass, primaryButtonClass } from "../_lib/styles";
import type { AdminInbox } from "../_lib/types";
import { AutoAssignField } from "./auto-assign-field";
import { CustomerSignalFields } from "./customer-signal-fields";
import { Field } from "./field";
import { SecretField, secretUpdate, type SecretChange } from "./secret-field";

const keep: SecretChange = { value: "", remove: false };

export function InboxSettingsForm({ inbox }: { inbox: AdminInbox | null }) {
  const formProblem = useFormProblem();
  const t = useTranslations("InboxSettings");
  const ids = useId();
  const utils = api.useUtils();
  const onSuccess = () => utils.admin.inboxes.list.invalidate();
  const create = api.admin.inboxes.create.useMutation({ onSuccess });
  const update = api.admin.inboxes.update.useMutation({ onSuccess });
  const mutation = inbox ? update : create;
  const [name, setName] = useState(inbox?.name ?? "");
  const [phoneNumberId, setPhoneNumberId] = useState(inbox?.phoneNumberId ?? "");
  const [displayPhoneNumber, setDisplayPhoneNumber] = useState(inbox?.displayPhoneNumber ?? "");
  const [businessAccountId, setBusinessAccountId] = useState(inbox?.businessAccountId ?? "");
  const [accessToken, setAccessToken] = useState(keep);
  const [appSecret, setAppSecret] = useState(keep);
  const [signals, setSignals] = useState({
    sendReadReceipts: inbox?.sendReadReceipts ?? true,
    sendTypingIndicator: inbox?.sendTypingIndicator ?? true,
  });
  const [autoAssign, setAutoAssign] = useState(inbox?.autoAssign ?? false);
  const [notice, setNotice] = useState<string | null>(null);
  const error = mutation.error ? formProblem(mutation.error) : null;
  const errorId = `${ids}-error`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    setNotice(null);
    const fields = { name, phoneNumberId, displayPhoneNumber, businessAccountId, ...signals, autoAssign };
    const afterSave = (saved: AdminInbox) => {
      setAccessToken(keep);
      setAppSecret(keep);
      setNotice(inbox ? t("saved") : t("added", { name: saved.name }));
      if (!inbox) {
        setName("");
        setPhoneNumberId("");
        setDisplayPhoneNumber("");
        setBusinessAccountId("");
        setAutoAssign(false);
      }
    };
    if (inbox) {
      update.mutate(
        { id: inbox.id, ...fields, accessToken: secretUpdate(accessToken), appSecret: secretUpdate(appSecret) },
        { onSuccess: afterSave },
      );
    } else {
      create.mutate(
        { ...fields, accessToken: secretUpdate(accessToken) ?? undefined, appSecret: secretUpdate(appSecret) ?? undefined },
        { onSuccess: afterSave },
      );
    }
  };

  const title = inbox ? t("settings") : t("addTitle");
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${ids}-title`}
      className={inbox ? "flex flex-col gap-4" : `${cardClass} flex flex-col gap-4 p-5`}
    >
      <h2 id={`${ids}-title`} className={inbox ? "text-sm font-semibold text-slate-900" : "text-base font-semibold text-slate-900"}>
        {title}
      </h2>
      {error && (
        <p id={errorId} role="alert" className={alertClass}>
          {error.message}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("name")} field="inboxName" error={error} errorId={errorId} value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" maxLength={80} />
        <Field
          label={t("phoneNumberId")}
          field="phoneNumberId"
          error={error}
          errorId={errorId}
          value={phoneNumberId}
          onChange={(event) => setPhoneNumberId(event.target.value)}
          inputMode="numeric"
          autoComplete="off"
          hint={t("phoneNumberIdHint")}
        />
        <Field
          label={t("displayNumber")}
          field="displayPhoneNumber"
          error={error}
          errorId={errorId}
          value={displayPhoneNumber}
          onChange={(event) => setDisplayPhoneNumber(event.target.value)}
          inputMode="tel"
          autoComplete="off"
          hint={t("displayNumberHint")}
        />
        <Field
          label={t("businessAccountId")}
          field="businessAccountId"
          error={error}
          errorId={errorId}
          value={businessAccountId}
          onChange={(event) => setBusinessAccountId(event.target.value)}
          inputMode="numeric"
          autoComplete="off"
          hint={t("businessAccountIdHint")}
        />
        <SecretField
          label={t("accessToken")}
          field="accessToken"
          stored={inbox?.hasAccessToken ?? false}
          fallback={t("serverValue", { name: "WHATSAPP_ACCESS_TOKEN" })}
          change={accessToken}
          onChange={setAccessToken}
          error={error}
          errorId={errorId}
        />
        <SecretField
          label={t("appSecret")}
          field="appSecret"
          stored={inbox?.hasAppSecret ?? false}
          fallback={t("serverValue", { name: "WHATSAPP_APP_SECRET" })}
          change={appSecret}
          onChange={setAppSecret}
          error={error}
          errorId={errorId}
        />
        <CustomerSignalFields value={signals} onChange={setSignals} />
        <AutoAssignField checked={autoAssign} onChange={setAutoAssign} />
      </div>
      <div className="flex min-h-9 items-center justify-between gap-4">
        <p role="status" className={noticeClass}>
          {notice}
        </p>
        <button type="submit" aria-disabled={mutation.isPending || undefined} className={primaryButtonClass}>
          {inbox ? t("save") : t("add")}
        </button>
      </div>
    </form>
  );
}
