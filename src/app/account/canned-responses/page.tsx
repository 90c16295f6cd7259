import type { Metadata } from "next";
import { CannedResponsesManager } from "@/app/_components/canned-responses/canned-responses-manager";

export const metadata: Metadata = { title: "Your canned responses · Switchboard" };

export default function AccountCannedResponsesPage() {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">Canned responses</h1>
      <p className="-mt-3 text-sm text-slate-600">
        Your own saved replies: type “/” and the shortcut in the Message box. Only you see them; the team’s shared ones are kept by
        admins.
      </p>
      <CannedResponsesManager kind="own" />
    </>
  );
}
