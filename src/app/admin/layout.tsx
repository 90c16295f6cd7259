import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/trpc/react";
import { AreaHeader } from "../_components/area-header";
import { pageUser } from "../_lib/page-user";
import { CurrentUserProvider } from "../inbox/_components/header/current-user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pages"))("admin.documentTitle") };
}

const SECTIONS = ["people", "inboxes", "canned-responses", "labels", "security"] as const;

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Read from the database like the inbox: a deactivated or demoted user is out at once. Agents
  // get "not found" rather than a hint that the page exists.
  const user = await pageUser("/admin");
  if (user.role !== "admin") notFound();
  const t = await getTranslations("Area");
  const sections = SECTIONS.map((section) => ({ href: `/admin/${section}`, label: t(`admin.${section}`) }));
  return (
    <TRPCReactProvider>
      <CurrentUserProvider user={{ id: user.id, role: user.role, name: user.name, key: user.email.toLowerCase() }}>
        <div className="flex min-h-dvh flex-col">
          <AreaHeader title={t("adminTitle")} navLabel={t("adminNav")} sections={sections} userName={user.name} />
          <main className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-6 px-4 py-6">{children}</main>
        </div>
      </CurrentUserProvider>
    </TRPCReactProvider>
  );
}
