"use client";
// The inboxes: a table of all of them, a panel to edit the one chosen (its settings and its
// members), and a form to add one.
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { api } from "@/trpc/react";
import { useErrorText } from "../_lib/error-text";
import { cardClass, secondaryButtonClass } from "../_lib/styles";
import { InboxSettingsForm } from "./inbox-settings-form";
import { MembersForm } from "./members-form";
import { TableHead, TableNotice } from "./admin-table";

export function InboxesAdmin() {
  const errorText = useErrorText();
  const t = useTranslations("Inboxes");
  const tCommon = useTranslations("Common");
  const ids = useId();
  const inboxes = api.admin.inboxes.list.useQuery();
  const people = api.admin.people.list.useQuery();
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = inboxes.data?.find((inbox) => inbox.id === editingId) ?? null;
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const nameOf = (userId: string) => people.data?.find((person) => person.id === userId)?.name;

  const edit = (id: string) => {
    setEditingId(id);
    // Once the panel is there, move to it, so keyboard and screen reader users land in it.
    requestAnimationFrame(() => panelHeading.current?.focus());
  };

  return (
    <>
      <section aria-labelledby={`${ids}-title`} className={cardClass}>
        <h2 id={`${ids}-title`} className="sr-only">
          {t("all")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <TableHead columns={[t("inbox"), t("phoneNumberId"), t("accessToken"), t("appSecret"), t("members")]} />
            <tbody className="divide-y divide-slate-100">
              {inboxes.data?.map((inbox) => (
                <tr key={inbox.id} className={inbox.id === editingId ? "bg-emerald-50/50" : ""}>
                  <th scope="row" className="px-4 py-3 font-medium text-slate-900">
                    {inbox.name}
                    {inbox.displayPhoneNumber && <span className="block text-xs font-normal text-slate-600">{inbox.displayPhoneNumber}</span>}
                  </th>
                  <td className="px-4 py-3 font-mono text-xs">{inbox.phoneNumberId}</td>
                  <td className="px-4 py-3">{inbox.hasAccessToken ? t("stored") : t("serverDefault")}</td>
                  <td className="px-4 py-3">{inbox.hasAppSecret ? t("stored") : t("serverDefault")}</td>
                  <td className="px-4 py-3">
                    {inbox.memberIds.length === 0 ? (
                      <span className="text-slate-600">{t("noMembers")}</span>
                    ) : (
                      inbox.memberIds.map(nameOf).filter(Boolean).join(", ")
                    )}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <button type="button" onClick={() => edit(inbox.id)} aria-label={t("edit", { name: inbox.name })} className={secondaryButtonClass}>
                      {tCommon("edit")}
                    </button>
                  </td>
                </tr>
              ))}
              {inboxes.data?.length === 0 && (
                <TableNotice columns={6}>{t("none")}</TableNotice>
              )}
              {!inboxes.data && (
                <TableNotice columns={6}>{inboxes.isError ? errorText(inboxes.error) : t("loading")}</TableNotice>
              )}
            </tbody>
          </table>
        </div>
      </section>

      {editing && (
        <section aria-labelledby={`${ids}-edit-title`} className={`${cardClass} flex flex-col gap-6 p-5`}>
          <div className="flex items-center justify-between gap-4">
            <h2 id={`${ids}-edit-title`} ref={panelHeading} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
              {t("edit", { name: editing.name })}
            </h2>
            <button type="button" onClick={() => setEditingId(null)} className={secondaryButtonClass}>
              {t("close")}
            </button>
          </div>
          <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
            {/* Keyed by inbox: switching inboxes starts the forms from that inbox's values. */}
            <InboxSettingsForm key={`settings-${editing.id}`} inbox={editing} />
            <MembersForm key={`members-${editing.id}`} inbox={editing} people={people.data} />
          </div>
        </section>
      )}

      <InboxSettingsForm key="new" inbox={null} />
    </>
  );
}
