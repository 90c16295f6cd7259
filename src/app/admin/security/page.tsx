import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { SecuritySettingsForm } from "../_components/security-settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pages"))("security.documentTitle") };
}

export default function SecurityPage() {
  const t = useTranslations("Pages");
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("security.heading")}</h1>
      <SecuritySettingsForm />
    </>
  );
}
