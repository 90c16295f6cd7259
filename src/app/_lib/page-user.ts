// The signed-in user a page is for, read from the database like every request: no session → the
// sign-in page; two-factor sign-in required but not set up → its setup, and nothing else.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { userFromHeaders, type SessionUser } from "@/server/auth/session-user";
import { mustEnrolTwoFactor } from "@/server/auth/two-factor-policy";
import { ACCOUNT_SECURITY_PATH } from "@/shared/two-factor";

export async function pageUser(path: string): Promise<SessionUser> {
  const user = await userFromHeaders(await headers());
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (await mustEnrolTwoFactor(user.id)) redirect(ACCOUNT_SECURITY_PATH);
  return user;
}
