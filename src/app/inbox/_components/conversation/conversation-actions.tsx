"use client";
// The open conversation's owner and status, in its header. Agents take an unassigned conversation
// or let go of their own; admins pick anyone who can see it. The status is open, pending or
// resolved. Changes show at once from the server's answer and reach every other tab live.
import { useTranslations } from "next-intl";
import { useId } from "react";
import { CONVERSATION_STATUSES, type ConversationStatus, type TConversationSummary } from "@/shared/dto";
import { api } from "@/trpc/react";
import { useConversationUpdater } from "../../_hooks/use-conversation-updater";
import { useCurrentUser } from "../header/current-user";


const statusLook: Record<ConversationStatus, string> = {
  open: "border-emerald-300 bg-emerald-50 text-emerald-900",
  pending: "border-amber-300 bg-amber-50 text-amber-900",
  resolved: "border-slate-300 bg-slate-100 text-slate-700",
};

const control =
  "rounded-md border py-1 pr-7 pl-2 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 disabled:opacity-60";
const button =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-600 disabled:opacity-60";

export function ConversationActions({ summary }: { summary: TConversationSummary }) {
  const t = useTranslations("Conversation");
  const tStatus = useTranslations("ConversationStatus");
  const user = useCurrentUser();
  const applyUpdate = useConversationUpdater(user.id);
  const assignees = api.conversation.assignees.useQuery({ conversationId: summary.id }, { staleTime: 60_000 });
  const assign = api.conversation.assign.useMutation({ onSuccess: applyUpdate });
  const setStatus = api.conversation.setStatus.useMutation({ onSuccess: applyUpdate });
  const errorId = useId();

  const error = assign.error ?? setStatus.error;
  const busy = assign.isPending || setStatus.isPending;
  const assigneeName =
    summary.assigneeId === user.id
      ? "you"
      : (assignees.data?.find((person) => person.id === summary.assigneeId)?.name ?? "someone else");
  const assignTo = (assigneeId: string | null) => {
    setStatus.reset();
    assign.mutate({ conversationId: summary.id, assigneeId });
  };

  return (
    // In a narrow conversation header this is a row of its own under the name (./conversation-header.tsx).
    <div className="flex basis-full flex-col items-start gap-1 @xl:ml-auto @xl:shrink-0 @xl:basis-auto @xl:items-end">
      <div className="flex flex-wrap items-center gap-2">
        {user.role === "admin" ? (
          <select
            aria-label={t("assignee")}
            value={summary.assigneeId ?? ""}
            disabled={busy}
            onChange={(event) => assignTo(event.target.value || null)}
            className={`${control} max-w-40 border-slate-300 bg-white text-slate-800`}
          >
            <option value="">{t("unassigned")}</option>
            {summary.assigneeId && !assignees.data?.some((person) => person.id === summary.assigneeId) && (
              <option value={summary.assigneeId}>{assigneeName}</option>
            )}
            {assignees.data?.map((person) => (
              <option key={person.id} value={person.id}>
                {person.id === user.id ? t("you", { name: person.name }) : person.name}
              </option>
            ))}
          </select>
        ) : summary.assigneeId === null ? (
          <button type="button" disabled={busy} onClick={() => assignTo(user.id)} className={button}>
            {t("assignToMe")}
          </button>
        ) : summary.assigneeId === user.id ? (
          <>
            <span className="text-xs text-slate-600">{t("assignedToYou")}</span>
            <button type="button" disabled={busy} onClick={() => assignTo(null)} className={button}>
              {t("unassign")}
            </button>
          </>
        ) : (
          <span className="max-w-40 truncate text-xs text-slate-600">{t("assignedTo", { name: assigneeName })}</span>
        )}
        <select
          aria-label={t("status")}
          aria-describedby={error ? errorId : undefined}
          value={summary.status}
          disabled={busy}
          onChange={(event) => {
            assign.reset();
            setStatus.mutate({ conversationId: summary.id, status: event.target.value as ConversationStatus });
          }}
          className={`${control} ${statusLook[summary.status]}`}
        >
          {CONVERSATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tStatus(status)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={errorId} role="alert" className="text-[11px] leading-4 text-red-700 @xl:max-w-64 @xl:text-right">
          {error.message}
        </p>
      )}
    </div>
  );
}
