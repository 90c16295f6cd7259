import type { Metadata } from "next";
import { SecuritySettingsForm } from "../_components/security-settings-form";

export const metadata: Metadata = { title: "Security · Switchboard admin" };

export default function SecurityPage() {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">Security</h1>
      <SecuritySettingsForm />
    </>
  );
}
