import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/server/auth/options";
import { safeCallbackUrl } from "../_lib/safe-callback";
import { LoginForm } from "./login-form";
import { LogoMark } from "@/app/_components/logo-mark";

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
          <LogoMark size="lg" />
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
