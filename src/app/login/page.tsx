import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { authOptions } from "@/server/auth/options";
import { demoUsersToShow } from "@/server/demo/demo-users";
import { safeCallbackUrl } from "../_lib/safe-callback";
import { LoginForm } from "./login-form";
import { LogoMark } from "@/app/_components/logo-mark";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pages"))("login.documentTitle") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const session = await getServerSession(authOptions);
  if (session?.user) redirect(callbackUrl);
  const demoUsers = await demoUsersToShow();
  const t = await getTranslations("Login");

  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <LogoMark size="lg" />
          <div>
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
            <p className="mt-1 text-sm text-slate-500">{t("tagline")}</p>
          </div>
        </div>
        <LoginForm callbackUrl={callbackUrl} />
        {demoUsers.length > 0 && (
          <section
            aria-label={t("demo")}
            className="mt-4 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset"
          >
            <p className="font-medium">{t("demo")}</p>
            <p className="mt-1">
              {t("demoHint")}{" "}
              {demoUsers.map((user, index) => (
                <span key={user.email}>
                  {index > 0 && ` ${t("or")} `}
                  <code className="font-mono text-xs">{user.email}</code> / <code className="font-mono text-xs">{user.password}</code>
                </span>
              ))}
              .
            </p>
          </section>
        )}
      </div>
    </main>
  );
}
