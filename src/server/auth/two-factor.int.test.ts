// Two-factor sign-in over real HTTP against the real server: the code is asked for after the right
// password, the password is still checked with it, wrong codes are throttled like wrong passwords,
// a code or a recovery code works once, and when an admin requires it for everyone a person
// without it can do nothing but set it up.
import { randomBytes } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { collectFromNow } from "../../../testing/live";
import { signIn } from "../../../testing/session";
import { testApp, type Connection } from "../../../testing/test-app";
import { prismaFor } from "../../../testing/test-database";
import { attemptSignIn, totpCode } from "../../../testing/two-factor";
import { waitFor } from "../../../testing/wait";
import { SIGN_IN_CODE_REQUIRED, SIGN_IN_CODE_WRONG } from "@/shared/two-factor";

const ENROLMENT_REQUIRED_MESSAGE = "Two-factor sign-in is required: set it up under Account security first";

const app = testApp({ signIn: ["admin"] });

const errorOf = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return { code: (error.data as { code?: string } | undefined)?.code, message: error.message };
};

/** A new agent, signed in with their password only. */
async function newAgent() {
  const email = `two-factor-${randomBytes(4).toString("hex")}@example.com`;
  const password = "agent-password-1";
  const person = await app.admin.client.admin.people.create.mutate({ name: `Agent ${email}`, email, password, role: "agent" });
  const cookie = await signIn(app.server.url, email, password);
  return { ...person, password, cookie, api: app.connect({ cookie }).client };
}

/** Sets up two-factor sign-in as the page does: a secret, then the app's current code (its step is now used). */
async function enrol(api: Connection["client"]) {
  const { secret, uri, qrSvg } = await api.account.twoFactor.begin.mutate();
  expect(uri).toContain(`secret=${secret}`);
  expect(qrSvg).toMatch(/^<svg/);
  const { recoveryCodes } = await api.account.twoFactor.confirm.mutate({ code: await totpCode(secret) });
  return { secret, recoveryCodes };
}

/** A six-digit code that is none of the codes the server would accept now. */
async function wrongCode(secret: string): Promise<string> {
  const accepted = await Promise.all([-1, 0, 1].map((steps) => totpCode(secret, steps)));
  let code = "000000";
  while (accepted.includes(code)) code = String(Number(code) + 1).padStart(6, "0");
  return code;
}

describe("two-factor sign-in", () => {
  it("asks for a code after the right password, checks the password again with it, and takes each code once", async () => {
    const agent = await newAgent();
    expect(await agent.api.account.twoFactor.status.query()).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    const { secret, recoveryCodes } = await enrol(agent.api);
    // Stored sealed: the database alone does not give anyone this person's codes.
    const prisma = prismaFor(app.server.databaseUrl);
    const stored = await prisma.user.findUniqueOrThrow({ where: { email: agent.email }, select: { totpSecret: true } });
    await prisma.$disconnect();
    expect(stored.totpSecret).toMatch(/^sealed:v1:/);
    expect(stored.totpSecret).not.toContain(secret);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // The session that turned it on goes on.
    expect(await agent.api.account.twoFactor.status.query()).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    await expect(agent.api.conversation.list.query({})).resolves.toBeDefined();

    expect(await attemptSignIn(app.server.url, agent.email, agent.password)).toEqual({ error: SIGN_IN_CODE_REQUIRED, cookie: null });
    // The code that confirmed the setup was this step's: the next step's is what the app shows soon.
    const next = await totpCode(secret, 1);
    expect(await attemptSignIn(app.server.url, agent.email, "not-the-password", next)).toEqual({ error: "CredentialsSignin", cookie: null });
    expect(await attemptSignIn(app.server.url, agent.email, agent.password, await wrongCode(secret))).toEqual({ error: SIGN_IN_CODE_WRONG, cookie: null });
    const signedIn = await attemptSignIn(app.server.url, agent.email, agent.password, next);
    expect(signedIn.error).toBeNull();
    expect(signedIn.cookie).toContain("session-token");
    // The same code again, inside its 30 seconds: a replay.
    expect(await attemptSignIn(app.server.url, agent.email, agent.password, next)).toEqual({ error: SIGN_IN_CODE_WRONG, cookie: null });
    // And the code of the step already used to set it up.
    expect((await attemptSignIn(app.server.url, agent.email, agent.password, await totpCode(secret))).error).toBe(SIGN_IN_CODE_WRONG);
  });

  it("accepts a recovery code once, however it is typed", async () => {
    const agent = await newAgent();
    const { recoveryCodes } = await enrol(agent.api);
    const [first, second] = recoveryCodes as [string, string];
    expect((await attemptSignIn(app.server.url, agent.email, agent.password, first)).cookie).toContain("session-token");
    expect(await attemptSignIn(app.server.url, agent.email, agent.password, first)).toEqual({ error: SIGN_IN_CODE_WRONG, cookie: null });
    const typed = ` ${second.toUpperCase().replace(/-/g, "")} `;
    expect((await attemptSignIn(app.server.url, agent.email, agent.password, typed)).cookie).toContain("session-token");
    expect((await agent.api.account.twoFactor.status.query()).recoveryCodesLeft).toBe(8);
  });

  it("counts wrong codes as failed sign-ins: after 10 the account is blocked, even with a right code", async () => {
    const agent = await newAgent();
    const { secret, recoveryCodes } = await enrol(agent.api);
    const wrong = await wrongCode(secret);
    const errors: (string | null)[] = [];
    for (let guess = 0; guess < 11; guess++) errors.push((await attemptSignIn(app.server.url, agent.email, agent.password, wrong)).error);
    expect(errors.slice(0, 9)).toEqual(Array(9).fill(SIGN_IN_CODE_WRONG));
    expect(errors[10]).toMatch(/^TooManyAttempts:\d+$/);
    expect((await attemptSignIn(app.server.url, agent.email, agent.password, recoveryCodes[0])).error).toMatch(/^TooManyAttempts:/);
  });

  it("is turned off only with the password or a current code", async () => {
    const agent = await newAgent();
    const { secret } = await enrol(agent.api);
    expect(await errorOf(agent.api.account.twoFactor.disable.mutate({ password: "wrong" }))).toEqual({
      code: "BAD_REQUEST",
      message: "Password: that is not your password",
    });
    expect(await errorOf(agent.api.account.twoFactor.disable.mutate({ code: await wrongCode(secret) }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Authentication code: /),
    });
    expect(await agent.api.account.twoFactor.disable.mutate({ code: await totpCode(secret, 1) })).toMatchObject({ enabled: false });
    expect((await attemptSignIn(app.server.url, agent.email, agent.password)).cookie).toContain("session-token");
  });

  it("when required for everyone, refuses every procedure and page to someone without it until they set it up", async () => {
    const agent = await newAgent();
    expect(await errorOf(app.admin.client.admin.security.setTwoFactorRequired.mutate({ required: true }))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/for yourself first/),
    });
    await enrol(app.admin.client);
    await app.admin.client.admin.security.setTwoFactorRequired.mutate({ required: true });
    try {
      expect(await app.admin.client.admin.security.get.query()).toEqual({ twoFactorRequired: true });
      expect(await errorOf(agent.api.conversation.list.query({}))).toEqual({ code: "FORBIDDEN", message: ENROLMENT_REQUIRED_MESSAGE });
      expect(await errorOf(agent.api.events.cursor.query())).toEqual({ code: "FORBIDDEN", message: ENROLMENT_REQUIRED_MESSAGE });
      const page = await fetch(`${app.server.url}/inbox`, { headers: { cookie: agent.cookie }, redirect: "manual" });
      expect(page.status).toBe(307);
      expect(page.headers.get("location")).toMatch(/\/account\/security$/);
      const media = await fetch(`${app.server.url}/api/media/any-message-id`, { headers: { cookie: agent.cookie } });
      expect({ status: media.status, body: await media.json() }).toEqual({ status: 403, body: { error: ENROLMENT_REQUIRED_MESSAGE, text: { key: "enrolmentRequired" } } });
      // Setting it up is what still works; then everything does.
      expect(await agent.api.account.twoFactor.status.query()).toMatchObject({ enabled: false, required: true });
      await enrol(agent.api);
      await expect(agent.api.conversation.list.query({})).resolves.toBeDefined();

      // An admin turns it off for someone who lost their phone: their sessions end, and the
      // requirement sends them back to set it up.
      const reset = await app.admin.client.admin.people.resetTwoFactor.mutate({ userId: agent.id });
      expect(reset).toMatchObject({ id: agent.id, twoFactor: false });
      expect(await errorOf(agent.api.account.twoFactor.status.query())).toMatchObject({ code: "UNAUTHORIZED" });
      const again = await attemptSignIn(app.server.url, agent.email, agent.password);
      expect(again.cookie).toContain("session-token");
      expect(await errorOf(app.connect({ cookie: again.cookie! }).client.conversation.list.query({}))).toMatchObject({ code: "FORBIDDEN" });
    } finally {
      await app.admin.client.admin.security.setTwoFactorRequired.mutate({ required: false });
    }
  });

  it("when required for everyone, closes the open socket of someone without it, and not of someone with it", async () => {
    const [without, withIt] = [await newAgent(), await newAgent()];
    await enrol(withIt.api);
    const closes = new Map<string, number[]>();
    const connections = [without, withIt].map((agent) => {
      closes.set(agent.id, []);
      return app.connect({ cookie: agent.cookie, onClose: (cause) => closes.get(agent.id)!.push(cause?.code ?? 0), retryDelayMs: () => 60_000 });
    });
    await Promise.all(connections.map((connection) => collectFromNow(connection)));
    if (!(await app.admin.client.account.twoFactor.status.query()).enabled) await enrol(app.admin.client);
    await app.admin.client.admin.security.setTwoFactorRequired.mutate({ required: true });
    try {
      await waitFor(() => closes.get(without.id)!.length > 0, "the socket of the agent without two-factor sign-in closed");
      expect(closes.get(without.id)).toEqual([4401]);
      // The other agent's socket stays and still answers.
      await expect(connections[1]!.client.conversation.list.query({})).resolves.toBeDefined();
      expect(closes.get(withIt.id)).toEqual([]);
    } finally {
      await app.admin.client.admin.security.setTwoFactorRequired.mutate({ required: false });
    }
  });
});
