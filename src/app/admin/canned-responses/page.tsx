import type { Metadata } from "next";
import { CannedResponsesManager } from "@/app/_components/canned-responses/canned-responses-manager";

export const metadata: Metadata = { title: "Canned responses · Switchboard admin" };

export default function CannedResponsesPage() {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">Canned responses</h1>
      <p className="-mt-3 text-sm text-slate-600">
        Saved replies the team inserts by typing “/” and the shortcut in the Message box. Agents keep their own under Account.
      </p>
      <CannedResponsesManager kind="shared" />
    </>
  );
}
