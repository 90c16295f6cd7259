import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { TwoFactorSection } from "../_components/two-factor-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pages"))("accountSecurity.documentTitle") };
}

export default function AccountSecurityPage() {
  const t = useTranslations("Pages");
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("accountSecurity.heading")}</h1>
      <TwoFactorSection />
    </>
  );
}
