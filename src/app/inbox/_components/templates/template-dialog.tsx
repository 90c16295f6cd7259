"use client";
// "Send a template": the way to reach a customer outside WhatsApp's 24-hour window. The agent picks
// an approved template, fills its variables, sees exactly what the customer will get, and sends it
// through the same outbox as a reply; it then shows in the log through the live stream.
import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState } from "react";
import { api } from "@/trpc/react";
import { httpStatusOf } from "@/trpc/query-client";
import { fieldProblem, type TTemplate } from "@/shared/templates";
import { readableReason, type ReasonWords } from "../../_lib/send-error";
import { useReasonWords } from "../../_hooks/use-reason-words";
import { matchesTemplateSearch, prefillFields } from "../../_lib/template-prefill";
import { newUuid } from "../../_lib/uuid";
import { dialogInputClass, FormDialog } from "../form-dialog";
import { TemplateChoices, templateKey } from "./template-choices";
import { TemplateField } from "./template-field";
import { TemplatePreview } from "./template-preview";

const quietButton =
  "rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 aria-disabled:cursor-wait aria-disabled:opacity-70";

function errorText(error: unknown, words: ReasonWords, unreachable: string): string {
  if (httpStatusOf(error) !== undefined) return readableReason(error, words);
  return unreachable;
}

interface Props {
  conversationId: string;
  contactName: string;
  onClose: () => void;
}

export function TemplateDialog({ conversationId, contactName, onClose }: Props) {
  const t = useTranslations("Templates");
  const tCommon = useTranslations("Common");
  const words = useReasonWords();
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const utils = api.useUtils();
  const list = api.template.list.useQuery({ conversationId });
  const refresh = api.template.refresh.useMutation({ onSuccess: (data) => utils.template.list.setData({ conversationId }, data) });
  const send = api.template.send.useMutation();
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<TTemplate | null>(null);
  const [values, setValues] = useState<string[]>([]);
  /** Whether Send was pressed for this choice: only then are empty fields called out. */
  const [attempted, setAttempted] = useState(false);
  // One id per choice of template: pressing Send again after a lost answer stores one message.
  const [messageId, setMessageId] = useState(newUuid);

  const templates = useMemo(() => (list.data?.templates ?? []).filter((template) => matchesTemplateSearch(template, search)), [list.data, search]);
  // The chosen template may have been paused meanwhile (templates.changed reloads the list).
  const current = selected && list.data?.templates.find((template) => templateKey(template) === templateKey(selected));
  const problem = list.data?.problem ? words.word(list.data.problem) : list.isError ? t("loadFailed") : null;

  const choose = (template: TTemplate) => {
    setSelected(template);
    setValues(prefillFields(template, contactName));
    setMessageId(newUuid());
    setAttempted(false);
    send.reset();
  };

  // Checked here with the server's rule, so a mistake is named before anything is queued.
  const problems = current
    ? current.fields.map((field, index) => {
        const problem = attempted ? fieldProblem(field, values[index] ?? "") : null;
        return problem && words.word(problem);
      })
    : [];

  async function sendTemplate(): Promise<boolean> {
    if (!current) return false;
    setAttempted(true);
    if (current.fields.some((field, index) => fieldProblem(field, values[index] ?? ""))) return false;
    try {
      await send.mutateAsync({ conversationId, id: messageId, name: current.name, language: current.language, parameters: values.map((value) => value.trim()) });
      return true;
    } catch {
      return false; // Shown from send.error below; the fields keep what was typed.
    }
  }

  return (
    <FormDialog
      title={t("title")}
      description={t("description")}
      widthClass="w-[min(34rem,calc(100vw-2rem))]"
      onOpen={() => searchRef.current?.focus()}
      onSubmit={sendTemplate}
      submitLabel={t("send")}
      submitUnavailable={!current}
      busy={send.isPending}
      onClose={onClose}
    >
      {problem && <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">{problem}</p>}
      <div className="flex items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <label htmlFor={`${ids}-search`} className="text-sm font-medium text-slate-700">
            {t("search")}
          </label>
          <input id={`${ids}-search`} ref={searchRef} type="search" value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" className={dialogInputClass} />
        </div>
        <button type="button" onClick={() => refresh.mutate({ conversationId })} aria-disabled={refresh.isPending} aria-busy={refresh.isPending} className={quietButton}>
          {t("refresh")}
        </button>
      </div>
      {list.isPending ? <p className="text-sm text-slate-500">{t("loading")}</p> : <TemplateChoices templates={templates} selectedKey={current ? templateKey(current) : null} onSelect={choose} name={`${ids}-template`} />}
      {current && (
        <>
          {current.fields.map((field, index) => (
            <TemplateField
              key={`${field.component}-${field.key}-${index}`}
              id={`${ids}-field-${index}`}
              field={field}
              value={values[index] ?? ""}
              problem={problems[index] ?? null}
              onChange={(value) => setValues((all) => all.map((old, at) => (at === index ? value : old)))}
            />
          ))}
          <TemplatePreview template={current} values={values} />
        </>
      )}
      {send.error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
          {errorText(send.error, words, tCommon("unreachable"))}
        </p>
      )}
    </FormDialog>
  );
}
