import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { LabelsAdmin } from "../_components/labels-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pages"))("labels.documentTitle") };
}

export default function LabelsPage() {
  const t = useTranslations("Pages");
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("labels.heading")}</h1>
      <p className="-mt-3 text-sm text-slate-600">
        {t("labels.intro")}
      </p>
      <LabelsAdmin />
    </>
  );
}
