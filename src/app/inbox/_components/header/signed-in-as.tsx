import Link from "next/link";
import { useTranslations } from "next-intl";
import { ACCOUNT_SECURITY_PATH } from "@/shared/two-factor";
import { SignOutButton } from "./sign-out-button";

/** The end of every signed-in header: who is signed in, their account (two-factor sign-in), and the way out. */
export function SignedInAs({ userName }: { userName: string }) {
  const t = useTranslations("Header");
  return (
    <>
      <span className="hidden max-w-48 truncate text-sm text-slate-600 md:block" title={userName}>
        {userName}
      </span>
      <Link
        href={ACCOUNT_SECURITY_PATH}
        title={t("accountTitle")}
        className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600"
      >
        {t("account")}
      </Link>
      <SignOutButton />
    </>
  );
}
