// Managing people and inboxes over real HTTP and WebSocket against the real server: who may,
// what is refused, that secrets never come back, and that a change of someone's access reaches
// their open sessions at once — closed when they are out, re-filtered when their inboxes change.
import { randomBytes, randomInt } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { collectFromNow } from "../../../testing/live";
import { signIn } from "../../../testing/session";
import { testApp } from "../../../testing/test-app";
import { sleep, waitFor } from "../../../testing/wait";
import { DEFAULT_PHONE_NUMBER_ID, postWebhook, textMessage } from "../../../testing/webhook";
import type { TLoggedEvent } from "@/shared/events";

const app = testApp({ signIn: ["admin"] });

const unique = () => randomBytes(4).toString("hex");
const uniqueNumber = () => `3${randomInt(10 ** 13, 10 ** 14)}`;
const fakeSecret = (label: string) => `fake-${label}-${randomBytes(8).toString("hex")}`;

async function newAgent(password = "agent-password-1") {
  const email = `agent-${unique()}@example.com`;
  const person = await app.admin.client.admin.people.create.mutate({ name: `Agent ${unique()}`, email, password, role: "agent" });
  return { ...person, password, cookie: await signIn(app.server.url, email, password) };
}

const errorOf = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return { code: (error.data as { code?: string } | undefined)?.code, message: error.message };
};

/** The text a refusal carries for the dashboard to word (shared/server-text.ts). */
const textOf = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return (error.data as { text?: unknown } | undefined)?.text;
};

const bodies = (events: TLoggedEvent[]) => events.map((event) => (event.type === "message.created" ? event.message.body : event.type));

describe("admin procedures", () => {
  it("are FORBIDDEN to agents, before their input is even looked at", async () => {
    const agent = app.connect({ cookie: await signIn(app.server.url, "agent@example.com", "agent") });
    expect(await errorOf(agent.client.admin.people.list.query())).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(agent.client.admin.inboxes.list.query())).toMatchObject({ code: "FORBIDDEN" });
    const invalid = { name: "", email: "nope", password: "x", role: "admin" } as const;
    expect(await errorOf(agent.client.admin.people.create.mutate(invalid))).toMatchObject({ code: "FORBIDDEN" });
    const anonymous = app.connect({});
    expect(await errorOf(anonymous.client.admin.people.list.query())).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuse bad input with a sentence naming the field, and duplicates as conflicts", async () => {
    const person = { name: "Grace", email: `grace-${unique()}@example.com`, password: "long enough", role: "agent" } as const;
    expect(await errorOf(app.admin.client.admin.people.create.mutate({ ...person, password: "short" }))).toEqual({
      code: "BAD_REQUEST",
      message: "Password: at least 8 characters",
    });
    expect(await errorOf(app.admin.client.admin.people.create.mutate({ ...person, email: "not an email" }))).toEqual({
      code: "BAD_REQUEST",
      message: "Email: not a valid email address",
    });
    // What the dashboard words in the reader's language: the text, and the field it is about.
    expect(await textOf(app.admin.client.admin.people.create.mutate({ ...person, email: "not an email" }))).toEqual({ key: "notAnEmail", field: "email" });
    expect(await textOf(app.admin.client.admin.people.create.mutate({ ...person, password: "short" }))).toEqual({
      key: "atLeastCharacters",
      values: { min: 8 },
      field: "password",
    });
    expect(await textOf(app.admin.client.admin.people.setRole.mutate({ userId: "nobody", role: "agent" }))).toEqual({ key: "personNotFound" });
    const created = await app.admin.client.admin.people.create.mutate({ ...person, email: `  ${person.email.toUpperCase()} ` });
    expect(created.email).toBe(person.email);
    expect(await errorOf(app.admin.client.admin.people.create.mutate(person))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Email: /) });

    const inbox = { name: "Sales", phoneNumberId: uniqueNumber() };
    expect(await errorOf(app.admin.client.admin.inboxes.create.mutate({ ...inbox, phoneNumberId: "+1 555" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Phone number ID: digits only/),
    });
    await app.admin.client.admin.inboxes.create.mutate(inbox);
    expect(await errorOf(app.admin.client.admin.inboxes.create.mutate({ ...inbox, name: "Sales again" }))).toMatchObject({
      code: "CONFLICT",
      message: `Phone number ID: ${inbox.phoneNumberId} is already the inbox “Sales”`,
    });
  });

  it("never let the last active admin go, nor an admin deactivate or demote themselves", async () => {
    const me = (await app.admin.client.admin.people.list.query()).find((person) => person.email === "admin@example.com")!;
    expect(await errorOf(app.admin.client.admin.people.setActive.mutate({ userId: me.id, active: false }))).toEqual({
      code: "CONFLICT",
      message: "You cannot deactivate yourself",
    });
    expect(await errorOf(app.admin.client.admin.people.setRole.mutate({ userId: me.id, role: "agent" }))).toEqual({
      code: "CONFLICT",
      message: "You cannot remove your own admin role",
    });
    expect((await app.admin.client.admin.people.list.query()).find((person) => person.id === me.id)).toMatchObject({ role: "admin", active: true });
  });

  it("store an access token and app secret but never return them, only whether they are stored", async () => {
    const token = fakeSecret("token");
    const secret = fakeSecret("secret");
    const created = await app.admin.client.admin.inboxes.create.mutate({ name: "Support", phoneNumberId: uniqueNumber(), accessToken: token, appSecret: secret });
    expect(created).toMatchObject({ hasAccessToken: true, hasAppSecret: true });
    const listed = await app.admin.client.admin.inboxes.list.query();
    const { id, name, phoneNumberId } = created;
    const kept = await app.admin.client.admin.inboxes.update.mutate({ id, name: "Support EU", phoneNumberId });
    for (const answer of [created, listed, kept]) {
      expect(JSON.stringify(answer)).not.toContain(token);
      expect(JSON.stringify(answer)).not.toContain(secret);
    }
    expect(kept).toMatchObject({ name: "Support EU", hasAccessToken: true, hasAppSecret: true });
    const cleared = await app.admin.client.admin.inboxes.update.mutate({ id, name, phoneNumberId, accessToken: null });
    expect(cleared).toMatchObject({ hasAccessToken: false, hasAppSecret: true });
  });
});

describe("a change of someone's access reaches their open session at once", () => {
  it("deactivating an agent closes their open WebSocket and makes their HTTP calls UNAUTHORIZED", async () => {
    const agent = await newAgent();
    const closes: number[] = [];
    const connection = app.connect({ cookie: agent.cookie, onClose: (cause) => closes.push(cause?.code ?? 0), retryDelayMs: () => 60_000 });
    await collectFromNow(connection);

    await app.admin.client.admin.people.setActive.mutate({ userId: agent.id, active: false });
    await waitFor(() => closes.length > 0, "the agent's socket closed");
    expect(closes[0]).toBe(4401);
    expect(await errorOf(connection.client.conversation.list.query())).toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signIn(app.server.url, agent.email, agent.password)).rejects.toThrow(/sign-in failed/);

    await app.admin.client.admin.people.setActive.mutate({ userId: agent.id, active: true });
    expect((await connection.client.conversation.list.query()).items).toEqual([]);
  });

  it("a password reset ends the old session, over HTTP, WebSocket and next-auth's own session check", async () => {
    const agent = await newAgent();
    const closes: number[] = [];
    const connection = app.connect({ cookie: agent.cookie, onClose: (cause) => closes.push(cause?.code ?? 0), retryDelayMs: () => 60_000 });
    await collectFromNow(connection);

    await app.admin.client.admin.people.resetPassword.mutate({ userId: agent.id, password: "brand-new-password" });
    await waitFor(() => closes.length > 0, "the agent's socket closed");
    expect(closes[0]).toBe(4401);
    expect(await errorOf(connection.client.conversation.list.query())).toMatchObject({ code: "UNAUTHORIZED" });
    // What the dashboard asks before leaving for the sign-in page; it must not renew the session.
    const session = await fetch(`${app.server.url}/api/auth/session`, { headers: { cookie: agent.cookie } });
    expect(await session.json()).toEqual({});

    await expect(signIn(app.server.url, agent.email, agent.password)).rejects.toThrow(/sign-in failed/);
    const fresh = app.connect({ cookie: await signIn(app.server.url, agent.email, "brand-new-password") });
    expect((await fresh.client.conversation.list.query()).items).toEqual([]);
    // The admin who reset it is still signed in.
    expect((await app.admin.client.admin.people.list.query()).length).toBeGreaterThan(0);
  });

  it("removing an agent from an inbox stops its events on their open subscription, and adding them starts them, without a reconnect", async () => {
    const agent = await newAgent();
    const phoneNumberId = uniqueNumber();
    const inbox = await app.admin.client.admin.inboxes.create.mutate({ name: `Team ${unique()}`, phoneNumberId });
    const closes: number[] = [];
    const connection = app.connect({ cookie: agent.cookie, onClose: (cause) => closes.push(cause?.code ?? 0) });
    const live = await collectFromNow(connection);
    const sendTo = async (number: string, text: string) =>
      expect((await postWebhook(app.server.url, app.server.appSecret, textMessage({ phoneNumberId: number, from: "15550007777", text }))).status).toBe(200);

    await sendTo(phoneNumberId, "before joining");
    await app.admin.client.admin.inboxes.setMembers.mutate({ inboxId: inbox.id, userIds: [agent.id] });
    await sendTo(phoneNumberId, "as a member");
    await live.waitForCount(2);

    await app.admin.client.admin.inboxes.setMembers.mutate({ inboxId: inbox.id, userIds: [] });
    await sendTo(phoneNumberId, "after leaving");
    // A later event the agent does see (not a member of the default inbox either: new agents
    // belong to none), so the stream is known to have passed "after leaving" by then.
    await app.admin.client.admin.inboxes.setMembers.mutate({ inboxId: inbox.id, userIds: [agent.id] });
    await live.waitForCount(4);
    await sleep(200);

    expect(bodies(live.events)).toEqual(["access.changed", "as a member", "access.changed", "access.changed"]);
    expect(live.events[0]).toMatchObject({ type: "access.changed", userId: agent.id });
    expect(closes).toEqual([]);
  });
});

describe("per-inbox app secrets", () => {
  it("accept a delivery signed with an inbox's own secret for that inbox only", async () => {
    const ownSecret = fakeSecret("app-secret");
    const phoneNumberId = uniqueNumber();
    await app.admin.client.admin.inboxes.create.mutate({ name: `Partner ${unique()}`, phoneNumberId, appSecret: ownSecret });
    const waIds = async () => new Set((await app.admin.client.conversation.list.query()).items.map((item) => item.contact.waId));
    const deliver = (secret: string, number: string, from: string) =>
      postWebhook(app.server.url, secret, textMessage({ phoneNumberId: number, from, text: `from ${from}` }));

    expect((await deliver(ownSecret, phoneNumberId, "15550008001")).status).toBe(200);
    // Signed by the default app: valid signature, but that app does not speak for this number.
    expect((await deliver(app.server.appSecret, phoneNumberId, "15550008002")).status).toBe(200);
    // Signed with the inbox's secret, but for the default number: skipped the same way.
    expect((await deliver(ownSecret, DEFAULT_PHONE_NUMBER_ID, "15550008003")).status).toBe(200);
    expect((await deliver(fakeSecret("unknown"), phoneNumberId, "15550008004")).status).toBe(401);

    const stored = await waIds();
    expect(stored.has("15550008001")).toBe(true);
    expect([...stored].filter((waId) => ["15550008002", "15550008003", "15550008004"].includes(waId))).toEqual([]);
  });
});
