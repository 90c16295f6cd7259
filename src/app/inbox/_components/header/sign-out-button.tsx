"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { loadPageAfter } from "@/trpc/navigation";

export function SignOutButton() {
  const t = useTranslations("Header");
  const [pending, setPending] = useState(false);
  const onClick = async () => {
    setPending(true);
    // No redirect from next-auth: without NEXTAUTH_URL it would send us to its default host.
    await loadPageAfter(signOut({ redirect: false }), "/login");
  };
  return (
    <button
      type="button"
      onClick={() => void onClick()}
      disabled={pending}
      className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 disabled:opacity-60"
    >
      {t("signOut")}
    </button>
  );
}
