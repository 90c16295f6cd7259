import type { Metadata } from "next";
import { TwoFactorSection } from "../_components/two-factor-section";

export const metadata: Metadata = { title: "Account security · Switchboard" };

export default function AccountSecurityPage() {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">Account security</h1>
      <TwoFactorSection />
    </>
  );
}
