import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { userFromHeaders } from "@/server/auth/session-user";
import { TRPCReactProvider } from "@/trpc/react";
import { InboxShell } from "./_components/inbox-shell";

export default async function InboxLayout({ children }: { children: ReactNode }) {
  // Read from the database, not just the cookie: a deactivated user is signed out at once.
  const user = await userFromHeaders(await headers());
  if (!user) redirect("/login?callbackUrl=%2Finbox");
  return (
    <TRPCReactProvider>
      <InboxShell user={{ id: user.id, role: user.role, name: user.name, key: user.email.toLowerCase() }}>
        {children}
      </InboxShell>
    </TRPCReactProvider>
  );
}
