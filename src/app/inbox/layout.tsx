import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { authOptions } from "@/server/auth/options";
import { TRPCReactProvider } from "@/trpc/react";
import { InboxShell } from "./_components/inbox-shell";

export default async function InboxLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  if (!session?.user) redirect("/login?callbackUrl=%2Finbox");
  const userName = session.user.name ?? session.user.email ?? "Signed in";
  // The email is unique per account (and the session has no user id): it keys browser-side state.
  const userKey = session.user.email?.toLowerCase() ?? userName;
  return (
    <TRPCReactProvider>
      <InboxShell userName={userName} userKey={userKey}>
        {children}
      </InboxShell>
    </TRPCReactProvider>
  );
}
