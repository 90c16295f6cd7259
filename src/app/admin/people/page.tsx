import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { AddPersonForm } from "../_components/add-person-form";
import { PeopleTable } from "../_components/people-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pages"))("people.documentTitle") };
}

export default function PeoplePage() {
  const t = useTranslations("Pages");
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("people.heading")}</h1>
      <PeopleTable />
      <AddPersonForm />
    </>
  );
}
