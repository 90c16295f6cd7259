import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { userFromHeaders } from "@/server/auth/session-user";
import { ACCOUNT_SECURITY_PATH } from "@/shared/two-factor";
import { TRPCReactProvider } from "@/trpc/react";
import { AccountHeader } from "./_components/account-header";

export const metadata: Metadata = { title: "Account · Switchboard" };

// Not pageUser(): this is where someone who must set up two-factor sign-in is sent.
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await userFromHeaders(await headers());
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(ACCOUNT_SECURITY_PATH)}`);
  return (
    <TRPCReactProvider>
      <div className="flex min-h-dvh flex-col bg-slate-50">
        <AccountHeader userName={user.name} />
        <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col gap-6 px-4 py-6">{children}</main>
      </div>
    </TRPCReactProvider>
  );
}
