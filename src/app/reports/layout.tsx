import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/trpc/react";
import { AreaHeader } from "../_components/area-header";
import { pageUser } from "../_lib/page-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pages"))("reports.documentTitle") };
}

// Admins see everyone's figures, agents their own (src/server/reports/scope.ts).
export default async function ReportsLayout({ children }: { children: ReactNode }) {
  const user = await pageUser("/reports");
  const t = await getTranslations("Area");
  return (
    <TRPCReactProvider>
      <div className="flex min-h-dvh flex-col bg-slate-50">
        <AreaHeader title={t("reportsTitle")} navLabel={t("reportsNav")} sections={[]} userName={user.name} />
        <main className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-6">{children}</main>
      </div>
    </TRPCReactProvider>
  );
}
