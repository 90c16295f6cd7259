// Sign-in through next-auth's own endpoint, as the browser does it: password guessing is throttled
// per account, and an unknown email costs the same time as a known one.
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("sign-in", () => {
  it("costs about the same for an unknown email as for a known one, so accounts cannot be listed", async () => {
    const timed = async (email: string) => {
      const started = performance.now();
      expect(await attempt(email, "not-the-password")).toBe("CredentialsSignin");
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 4; round++) {
      known.push(await timed("admin@example.com"));
      unknown.push(await timed(`nobody-${round}@example.com`));
    }
    // Before, an unknown email answered in about a tenth of the time (no password hash checked).
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
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
