import type { Metadata } from "next";
import { AddPersonForm } from "../_components/add-person-form";
import { PeopleTable } from "../_components/people-table";

export const metadata: Metadata = { title: "People · Switchboard admin" };

export default function PeoplePage() {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">People</h1>
      <PeopleTable />
      <AddPersonForm />
    </>
  );
}
