"use client";
// The open conversation's labels, in its header: a "Labels" button opening the team's labels as a
// group of checkboxes. Ticking one adds it at once; the server's answer updates this tab, the event
// every other. Anyone who sees the conversation may label it.
import { useTranslations } from "next-intl";
import { useErrorText } from "@/app/admin/_lib/error-text";
import { useCallback, useId, useRef, useState } from "react";
import { LabelChip, labelsOf, SWATCH } from "@/app/_components/labels/label-chip";
import { useLabels } from "@/app/_components/labels/use-labels";
import { useDismiss } from "@/app/_lib/use-dismiss";
import type { TConversationSummary } from "@/shared/dto";
import { MAX_LABELS_PER_CONVERSATION } from "@/shared/labels";
import { api } from "@/trpc/react";
import { useConversationUpdater } from "../../_hooks/use-conversation-updater";
import { useCurrentUser } from "../header/current-user";

const button =
  "flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 aria-expanded:bg-slate-100";

export function LabelsControl({ summary }: { summary: TConversationSummary }) {
  const user = useCurrentUser();
  const t = useTranslations("Labels");
  const errorText = useErrorText();
  const labels = useLabels();
  const applyUpdate = useConversationUpdater(user.id);
  // What this tab asked for, shown from the click on (set in the same event, so the box never flips
  // back), until the server's answer, or its refusal, settles it.
  const [asked, setAsked] = useState<readonly string[] | null>(null);
  const setLabels = api.label.setForConversation.useMutation({ onSuccess: applyUpdate, onSettled: () => setAsked(null) });
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, boxRef, buttonRef, close);

  const chosen = asked ?? summary.labelIds;
  const full = chosen.length >= MAX_LABELS_PER_CONVERSATION;
  const toggle = (labelId: string, on: boolean) => {
    const next = on ? [...chosen, labelId] : chosen.filter((id) => id !== labelId);
    setAsked(next);
    setLabels.mutate({ conversationId: summary.id, labelIds: next });
  };

  return (
    <div ref={boxRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
        className={button}
      >
        {t("button")}
        {chosen.length > 0 && <span className="rounded-full bg-slate-200/80 px-1.5 text-[11px] tabular-nums">{labelsOf(chosen, labels.data).length}</span>}
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5 text-slate-500">
          <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
        </svg>
      </button>
      <div
        id={panelId}
        role="group"
        aria-label={t("ofConversation")}
        className={`${open ? "flex" : "hidden"} absolute top-full right-0 z-30 mt-1.5 max-h-80 w-60 flex-col gap-0.5 overflow-y-auto rounded-lg bg-white p-1.5 shadow-lg ring-1 ring-slate-200`}
      >
        {labels.data?.map((label) => {
          const checked = chosen.includes(label.id);
          return (
            <label key={label.id} className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-800 hover:bg-slate-50 has-disabled:cursor-default has-disabled:opacity-60">
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && full}
                onChange={(event) => toggle(label.id, event.target.checked)}
                className="size-4 rounded border-slate-300 accent-emerald-700"
              />
              <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${SWATCH[label.color]}`} />
              <span className="truncate">{label.name}</span>
            </label>
          );
        })}
        {labels.data?.length === 0 && (
          <p className="px-2 py-1.5 text-sm text-slate-600">
            {user.role === "admin" ? t("noneYetAdmin") : t("noneYetAgent")}
          </p>
        )}
        {!labels.data && <p className="px-2 py-1.5 text-sm text-slate-600">{labels.isError ? t("loadFailed") : t("loading")}</p>}
        {full && <p className="px-2 pt-1 text-xs text-slate-600">{t("full", { max: MAX_LABELS_PER_CONVERSATION })}</p>}
        {setLabels.error && (
          <p role="alert" className="px-2 pt-1 text-xs text-red-700">
            {errorText(setLabels.error)}
          </p>
        )}
      </div>
    </div>
  );
}

/** The conversation's labels as chips, for the header and the list rows. */
export function ConversationLabels({ labelIds, size }: { labelIds: readonly string[]; size?: "xs" | "sm" }) {
  const t = useTranslations("Labels");
  const labels = useLabels();
  const shown = labelsOf(labelIds, labels.data);
  if (shown.length === 0) return null;
  return (
    <ul aria-label={t("list")} className="flex min-w-0 flex-wrap gap-1 overflow-hidden">
      {shown.map((label) => (
        <li key={label.id} className="min-w-0">
          <LabelChip label={label} size={size} />
        </li>
      ))}
    </ul>
  );
}
