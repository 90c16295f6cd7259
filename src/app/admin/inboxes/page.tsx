import type { Metadata } from "next";
import { InboxesAdmin } from "../_components/inboxes-admin";

export const metadata: Metadata = { title: "Inboxes · Switchboard admin" };

export default function InboxesPage() {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">Inboxes</h1>
      <InboxesAdmin />
    </>
  );
}
