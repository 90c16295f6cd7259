import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/trpc/react";
import { pageUser } from "../_lib/page-user";
import { InboxShell } from "./_components/inbox-shell";

export default async function InboxLayout({ children }: { children: ReactNode }) {
  // Read from the database, not just the cookie: a deactivated user is signed out at once.
  const user = await pageUser("/inbox");
  return (
    <TRPCReactProvider>
      <InboxShell user={{ id: user.id, role: user.role, name: user.name, key: user.email.toLowerCase() }}>
        {children}
      </InboxShell>
    </TRPCReactProvider>
  );
}
