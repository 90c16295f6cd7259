"use client";
// Everyone who can sign in, with their role and whether they are active. Role and active changes
// apply at once (the person's open tabs follow within a second); a password is reset in a small
// form under the row; two-factor sign-in can be turned off for someone who lost their phone; and
// "Max open conversations" caps what auto-assignment gives them.
import { useId, useState } from "react";
import { api } from "@/trpc/react";
import { useCurrentUser } from "../../inbox/_components/header/current-user";
import { errorText } from "../_lib/error-text";
import { alertClass, cardClass } from "../_lib/styles";
import { PersonRow } from "./person-row";
import { TableHead, TableNotice } from "./admin-table";

export function PeopleTable() {
  const ids = useId();
  const me = useCurrentUser();
  const people = api.admin.people.list.useQuery();
  const [actionError, setActionError] = useState<string | null>(null);

  return (
    <section aria-labelledby={`${ids}-title`} className={cardClass}>
      <h2 id={`${ids}-title`} className="sr-only">
        Team
      </h2>
      {actionError && (
        <p role="alert" className={`${alertClass} m-4 mb-0`}>
          {actionError}
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption className="sr-only">People who can sign in</caption>
          <TableHead columns={["Name", "Email", "Role", "Status", "Two-factor", "Max open conversations"]} />
          <tbody className="divide-y divide-slate-100">
            {people.data?.map((person) => (
              <PersonRow key={person.id} person={person} isMe={person.id === me.id} onError={setActionError} />
            ))}
            {!people.data && (
              <TableNotice columns={7}>{people.isError ? errorText(people.error) : "Loading people…"}</TableNotice>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
