"use client";
// A Canned responses page: the list (shared ones for admins, one's own for everyone) with Edit and
// Delete on each, and a form to add one. Editing opens the same form in place of the row.
import type { Translator } from "@/i18n/translator";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useErrorText, useFormProblem } from "@/app/admin/_lib/error-text";
import { alertClass, cardClass, dangerButtonClass, noticeClass, secondaryButtonClass } from "@/app/admin/_lib/styles";
import type { TCannedResponse } from "@/shared/canned-responses";
import { api } from "@/trpc/react";
import { CannedResponseForm, type CannedValues } from "./canned-response-form";
import { useCannedMutations, type CannedKind } from "./use-canned-mutations";

const where = (response: TCannedResponse, t: Translator<"CannedManager">) =>
  response.scope === "inbox" ? (response.inboxName ?? t("oneInbox")) : response.scope === "everyone" ? t("everyInbox") : t("onlyYou");

export function CannedResponsesManager({ kind }: { kind: CannedKind }) {
  const errorText = useErrorText();
  const formProblem = useFormProblem();
  const t = useTranslations("CannedManager");
  const tCommon = useTranslations("Common");
  const ids = useId();
  const list = api.cannedResponse.list.useQuery();
  const inboxes = api.admin.inboxes.list.useQuery(undefined, { enabled: kind === "shared" });
  const writes = useCannedMutations(kind);
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [added, setAdded] = useState<string | null>(null);
  const shown = (list.data ?? []).filter((response) => (kind === "own") === (response.scope === "personal"));
  const inboxChoices = kind === "shared" ? (inboxes.data ?? []) : undefined;

  const add = (values: CannedValues) => {
    setAdded(null);
    void writes.createAsync(values).then(
      (saved) => {
        setFormKey((key) => key + 1); // a fresh, empty form
        setAdded(t("added", { shortcut: saved.shortcut }));
      },
      () => undefined, // shown from the mutation's error
    );
  };

  return (
    <>
      <section aria-labelledby={`${ids}-title`} className={cardClass}>
        <h2 id={`${ids}-title`} className="px-5 pt-5 text-base font-semibold text-slate-900">
          {kind === "shared" ? t("shared") : t("yours")}
        </h2>
        {writes.remove.error && (
          <p role="alert" className={`${alertClass} mx-5 mt-3`}>
            {errorText(writes.remove.error)}
          </p>
        )}
        <ul className="divide-y divide-slate-100">
          {shown.map((response) =>
            editing === response.id ? (
              <li key={response.id}>
                <CannedResponseForm
                  title={t("edit", { shortcut: response.shortcut })}
                  submitLabel={tCommon("save")}
                  initial={{ shortcut: response.shortcut, body: response.body, inboxId: response.inboxId }}
                  inboxes={inboxChoices}
                  pending={writes.update.isPending}
                  error={writes.update.error ? formProblem(writes.update.error) : null}
                  onSave={(values) => void writes.updateAsync(response.id, values).then(() => setEditing(null), () => undefined)}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={response.id} className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-start">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-baseline gap-2">
                    <span className="font-semibold text-slate-900">/{response.shortcut}</span>
                    {kind === "shared" && <span className="text-xs text-slate-600">{where(response, t)}</span>}
                  </p>
                  <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-700">{response.body}</p>
                </div>
                <div className="flex shrink-0 gap-2">
                  <button
                    type="button"
                    aria-label={t("edit", { shortcut: response.shortcut })}
                    onClick={() => {
                      writes.update.reset();
                      setEditing(response.id);
                    }}
                    className={secondaryButtonClass}
                  >
                    {tCommon("edit")}
                  </button>
                  <button
                    type="button"
                    aria-label={t("delete", { shortcut: response.shortcut })}
                    aria-disabled={writes.remove.isPending || undefined}
                    onClick={() => {
                      if (!writes.remove.isPending) writes.remove.mutate({ id: response.id });
                    }}
                    className={dangerButtonClass}
                  >
                    {tCommon("delete")}
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
        {shown.length === 0 && (
          <p className="px-5 pt-2 pb-5 text-sm text-slate-600">
            {list.isError ? errorText(list.error) : list.data ? t("none") : tCommon("loading")}
          </p>
        )}
      </section>
      <section className={cardClass} aria-label={t("addTitle")}>
        <CannedResponseForm
          key={formKey}
          title={t("addTitle")}
          submitLabel={tCommon("add")}
          inboxes={inboxChoices}
          pending={writes.create.isPending}
          error={writes.create.error ? formProblem(writes.create.error) : null}
          onSave={add}
        />
        {added && (
          <p role="status" className={`${noticeClass} px-5 pb-5`}>
            {added}
          </p>
        )}
      </section>
    </>
  );
}
