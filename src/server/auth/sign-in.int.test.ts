// Sign-in through next-auth's own endpoint, as the browser does it: password guessing is throttled
// per account, and an unknown email costs the same time as a known one.
import { describe, expect, it } from "vitest";
import { cpuSecondsDuring } from "../../../testing/cpu";
import { signIn } from "../../../testing/session";
import { testApp } from "../../../testing/test-app";

const app = testApp();

/** One sign-in attempt; the error next-auth reports (null when it worked). */
async function attempt(email: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${app.server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const response = await fetch(`${app.server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const body = (await response.json()) as { url: string };
  return new URL(body.url).searchParams.get("error");
}

describe("sign-in", () => {
  it("costs about the same for an unknown email as for a known one, so accounts cannot be listed", async () => {
    // The server's CPU time, not the wall clock: on a busy machine other processes stretch the wall
    // clock of one attempt and not the other, while the password hash's work is the same every time.
    // Failures on one account stay under the throttle's 10 (the next test signs in as admin).
    const attempts = async (rounds: number, email: (round: number) => string) =>
      cpuSecondsDuring(app.server.pid, async () => {
        for (let round = 0; round < rounds; round++) expect(await attempt(email(round), "not-the-password")).toBe("CredentialsSignin");
      });
    await attempts(2, () => "admin@example.com"); // both paths' code warm first
    await attempts(2, (round) => `warm-${round}@example.com`);
    const known = await attempts(6, () => "admin@example.com");
    const unknown = await attempts(6, (round) => `nobody-${round}@example.com`);
    // Before, an unknown email cost about a tenth of a known one (no password hash checked).
    expect(unknown).toBeGreaterThan(known * 0.6);
  });

  it("stops password guessing on an account after 10 failures, even with the right password, but not other accounts", async () => {
    const errors: (string | null)[] = [];
    for (let guess = 0; guess < 11; guess++) errors.push(await attempt("agent@example.com", `guess-${guess}`));
    expect(errors.slice(0, 9)).toEqual(Array(9).fill("CredentialsSignin"));
    expect(errors[10]).toMatch(/^TooManyAttempts:\d+$/);
    const seconds = Number(errors[10]!.split(":")[1]);
    expect(seconds).toBeGreaterThan(60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    // The right password no longer helps while the block lasts…
    expect(await attempt("agent@example.com", "agent")).toMatch(/^TooManyAttempts:/);
    // …and another account from the same address still signs in.
    await expect(signIn(app.server.url, "admin@example.com", "admin")).resolves.toContain("session-token");
  });
});
