import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/server/auth/options";
import { safeCallbackUrl } from "../_lib/safe-callback";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in · Switchboard" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const session = await getServerSession(authOptions);
  if (session?.user) redirect(callbackUrl);

  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <span aria-hidden="true" className="flex size-11 items-center justify-center rounded-xl bg-emerald-600 text-white shadow-sm">
            <svg viewBox="0 0 20 20" fill="currentColor" className="size-6">
              <path d="M3 5.5A2.5 2.5 0 0 1 5.5 3h9A2.5 2.5 0 0 1 17 5.5v6a2.5 2.5 0 0 1-2.5 2.5H9l-3.6 2.7A.75.75 0 0 1 4.2 16v-2.1A2.5 2.5 0 0 1 3 11.5v-6Z" />
            </svg>
          </span>
          <div>
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">Sign in to Switchboard</h1>
            <p className="mt-1 text-sm text-slate-500">Your team’s WhatsApp inbox</p>
          </div>
        </div>
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
