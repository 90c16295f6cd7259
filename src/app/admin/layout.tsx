import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/trpc/react";
import { AreaHeader } from "../_components/area-header";
import { pageUser } from "../_lib/page-user";
import { CurrentUserProvider } from "../inbox/_components/header/current-user";

export const metadata: Metadata = { title: "Admin · Switchboard" };

const sections = [
  { href: "/admin/people", label: "People" },
  { href: "/admin/inboxes", label: "Inboxes" },
  { href: "/admin/canned-responses", label: "Canned responses" },
  { href: "/admin/labels", label: "Labels" },
  { href: "/admin/security", label: "Security" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Read from the database like the inbox: a deactivated or demoted user is out at once. Agents
  // get "not found" rather than a hint that the page exists.
  const user = await pageUser("/admin");
  if (user.role !== "admin") notFound();
  return (
    <TRPCReactProvider>
      <CurrentUserProvider user={{ id: user.id, role: user.role, name: user.name, key: user.email.toLowerCase() }}>
        <div className="flex min-h-dvh flex-col">
          <AreaHeader title="Switchboard admin" navLabel="Admin" sections={sections} userName={user.name} />
          <main className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-6 px-4 py-6">{children}</main>
        </div>
      </CurrentUserProvider>
    </TRPCReactProvider>
  );
}
