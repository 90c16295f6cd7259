import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { userFromHeaders } from "@/server/auth/session-user";
import { ACCOUNT_SECURITY_PATH } from "@/shared/two-factor";
import { TRPCReactProvider } from "@/trpc/react";
import { AreaHeader } from "../_components/area-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pages"))("account.documentTitle") };
}

// A person's own settings, whatever their role.
const SECTIONS = ["security", "canned-responses"] as const;

// Not pageUser(): this is where someone who must set up two-factor sign-in is sent.
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await userFromHeaders(await headers());
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(ACCOUNT_SECURITY_PATH)}`);
  const t = await getTranslations("Area");
  const sections = SECTIONS.map((section) => ({ href: `/account/${section}`, label: t(`account.${section}`) }));
  return (
    <TRPCReactProvider>
      <div className="flex min-h-dvh flex-col bg-slate-50">
        <AreaHeader title="Switchboard" navLabel={t("accountNav")} sections={sections} userName={user.name} />
        <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col gap-6 px-4 py-6">{children}</main>
      </div>
    </TRPCReactProvider>
  );
}
