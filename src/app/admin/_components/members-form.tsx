"use client";
// Who answers an inbox: a checkbox per person, saved together. Admins see every inbox anyway;
// a person taken out stops receiving the inbox's conversations in their open tabs at once.
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { api } from "@/trpc/react";
import { useErrorText } from "../_lib/error-text";
import { alertClass, noticeClass, primaryButtonClass } from "../_lib/styles";
import type { AdminInbox, AdminPerson } from "../_lib/types";

export function MembersForm({ inbox, people }: { inbox: AdminInbox; people: AdminPerson[] | undefined }) {
  const errorText = useErrorText();
  const t = useTranslations("Inboxes");
  const tCommon = useTranslations("Common");
  const ids = useId();
  const utils = api.useUtils();
  const save = api.admin.inboxes.setMembers.useMutation({ onSuccess: () => utils.admin.inboxes.list.invalidate() });
  const [members, setMembers] = useState(() => new Set(inbox.memberIds));
  const [saved, setSaved] = useState(false);
  const error = save.error ? errorText(save.error) : null;

  const toggle = (userId: string, checked: boolean) => {
    const next = new Set(members);
    if (checked) next.add(userId);
    else next.delete(userId);
    setMembers(next);
    setSaved(false);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate({ inboxId: inbox.id, userIds: [...members] }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-title`} className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend id={`${ids}-title`} className="mb-2 text-sm font-semibold text-slate-900">
          {t("members")}
        </legend>
        {error && (
          <p role="alert" className={alertClass}>
            {error}
          </p>
        )}
        {!people && <p className="text-sm text-slate-600">{t("loadingPeople")}</p>}
        {people?.length === 0 && <p className="text-sm text-slate-600">{t("noPeople")}</p>}
        {people?.map((person) => (
          <div key={person.id} className="flex items-center gap-2.5 rounded-md px-1 py-1 text-sm text-slate-800 hover:bg-slate-50">
            <input
              id={`${ids}-${person.id}`}
              type="checkbox"
              checked={members.has(person.id)}
              onChange={(event) => toggle(person.id, event.target.checked)}
              aria-describedby={`${ids}-${person.id}-about`}
              className="size-4 accent-emerald-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
            />
            <label htmlFor={`${ids}-${person.id}`}>{person.name}</label>
            <span id={`${ids}-${person.id}-about`} className="text-xs text-slate-600">
              {person.role === "admin" ? "admin, sees every inbox" : person.email}
              {person.active ? "" : " · deactivated"}
            </span>
          </div>
        ))}
      </fieldset>
      <div className="flex min-h-9 items-center justify-between gap-4">
        <p role="status" className={noticeClass}>
          {saved ? t("membersSaved") : null}
        </p>
        <button type="submit" aria-disabled={save.isPending || undefined} className={primaryButtonClass}>
          {tCommon("save")}
        </button>
      </div>
    </form>
  );
}
