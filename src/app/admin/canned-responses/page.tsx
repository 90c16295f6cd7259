import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { CannedResponsesManager } from "@/app/_components/canned-responses/canned-responses-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pages"))("sharedCanned.documentTitle") };
}

export default function CannedResponsesPage() {
  const t = useTranslations("Pages");
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("sharedCanned.heading")}</h1>
      <p className="-mt-3 text-sm text-slate-600">
        {t("sharedCanned.intro")}
      </p>
      <CannedResponsesManager kind="shared" />
    </>
  );
}
