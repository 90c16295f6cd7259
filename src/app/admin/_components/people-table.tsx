"use client";
// Everyone who can sign in, with their role and whether they are active. Role and active changes
// apply at once (the person's open tabs follow within a second); a password is reset in a small
// form under the row; two-factor sign-in can be turned off for someone who lost their phone; and
// "Max open conversations" caps what auto-assignment gives them.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { api } from "@/trpc/react";
import { useCurrentUser } from "../../inbox/_components/header/current-user";
import { useErrorText } from "../_lib/error-text";
import { alertClass, cardClass } from "../_lib/styles";
import { PersonRow } from "./person-row";
import { TableHead, TableNotice } from "./admin-table";

export function PeopleTable() {
  const errorText = useErrorText();
  const t = useTranslations("People");
  const ids = useId();
  const me = useCurrentUser();
  const people = api.admin.people.list.useQuery();
  const [actionError, setActionError] = useState<string | null>(null);

  return (
    <section aria-labelledby={`${ids}-title`} className={cardClass}>
      <h2 id={`${ids}-title`} className="sr-only">
        {t("team")}
      </h2>
      {actionError && (
        <p role="alert" className={`${alertClass} m-4 mb-0`}>
          {actionError}
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <TableHead columns={[t("name"), t("email"), t("role"), t("status"), t("twoFactor"), t("maxOpen")]} />
          <tbody className="divide-y divide-slate-100">
            {people.data?.map((person) => (
              <PersonRow key={person.id} person={person} isMe={person.id === me.id} onError={setActionError} />
            ))}
            {!people.data && (
              <TableNotice columns={7}>{people.isError ? errorText(people.error) : t("loading")}</TableNotice>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
