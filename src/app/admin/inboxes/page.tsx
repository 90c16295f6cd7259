import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { InboxesAdmin } from "../_components/inboxes-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pages"))("inboxes.documentTitle") };
}

export default function InboxesPage() {
  const t = useTranslations("Pages");
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("inboxes.heading")}</h1>
      <InboxesAdmin />
    </>
  );
}
