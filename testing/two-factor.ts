// Two-factor sign-in from a test: one sign-in attempt through next-auth's endpoint (with or without
// an authentication code), and the codes an authenticator app would show.
import { generate } from "otplib";
import { z } from "zod";

export interface SignInOutcome {
  /** The error next-auth reports ("TwoFactorRequired", "CredentialsSignin", …), or null. */
  error: string | null;
  /** The session cookie when it worked. */
  cookie: string | null;
}

const cookiePairs = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");

export async function attemptSignIn(baseUrl: string, email: string, password: string, code?: string): Promise<SignInOutcome> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = z.object({ csrfToken: z.string() }).parse(await csrf.json());
  const body = new URLSearchParams({ csrfToken, email, password, json: "true" });
  if (code !== undefined) body.set("code", code);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf.headers) },
    body,
  });
  const { url } = z.object({ url: z.string() }).parse(await response.json());
  const session = cookiePairs(response.headers)
    .split("; ")
    .filter((pair) => pair.includes("session-token"))
    .join("; ");
  return { error: new URL(url).searchParams.get("error"), cookie: session || null };
}

/**
 * The code an authenticator app shows `steps` time steps (30 s each) from now. The server accepts
 * one step either side, and each step once: a test that already used this step's code uses the next.
 */
export const totpCode = (secret: string, steps = 0): Promise<string> =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
