// Canned responses over real HTTP and WebSocket against the real server: who may write which, that
// each user's list is exactly what they may see, what is refused, the values the composer gets for
// a conversation, and that a change reaches exactly the open dashboards that may see it.
import { randomBytes, randomInt } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFromNow } from "../../../../testing/live";
import { startServer, type RunningServer } from "../../../../testing/server";
import { signIn } from "../../../../testing/session";
import { connect } from "../../../../testing/trpc";
import { sleep, waitFor } from "../../../../testing/wait";
import { postWebhook, textMessage } from "../../../../testing/webhook";

let server: RunningServer;
let admin: ReturnType<typeof connect>;
const connections: ReturnType<typeof connect>[] = [];
const open = (cookie: string) => {
  const connection = connect(server.url, { cookie });
  connections.push(connection);
  return connection;
};

beforeAll(async () => {
  server = await startServer();
  admin = open(await signIn(server.url, "admin@example.com", "admin"));
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
  await server?.stop();
});

const unique = () => randomBytes(4).toString("hex");

async function newAgent() {
  const email = `agent-${unique()}@example.com`;
  const password = "agent-password-1";
  const person = await admin.client.admin.people.create.mutate({ name: `Agent ${unique()}`, email, password, role: "agent" });
  return { ...person, api: open(await signIn(server.url, email, password)) };
}

const errorOf = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return { code: (error.data as { code?: string } | undefined)?.code, message: error.message };
};

const shortcutsOf = async (connection: ReturnType<typeof connect>) =>
  (await connection.client.cannedResponse.list.query()).map((response) => response.shortcut).sort();

describe("canned responses", () => {
  // Two inboxes: "inside" has one agent as member, "outside" has none; a third agent is in neither.
  let inside: { id: string; name: string; phoneNumberId: string };
  let member: Awaited<ReturnType<typeof newAgent>>;
  let stranger: Awaited<ReturnType<typeof newAgent>>;
  const tag = unique();
  const sc = (name: string) => `${name}-${tag}`;

  beforeAll(async () => {
    const phoneNumberId = `3${randomInt(10 ** 13, 10 ** 14)}`;
    inside = { ...(await admin.client.admin.inboxes.create.mutate({ name: `Support ${tag}`, phoneNumberId })), phoneNumberId };
    const outside = await admin.client.admin.inboxes.create.mutate({ name: `Sales ${tag}`, phoneNumberId: `3${randomInt(10 ** 13, 10 ** 14)}` });
    member = await newAgent();
    stranger = await newAgent();
    await admin.client.admin.inboxes.setMembers.mutate({ inboxId: inside.id, userIds: [member.id] });

    await admin.client.cannedResponse.shared.create.mutate({ shortcut: sc("hello"), body: "Hello {{contact.first_name}}!", inboxId: null });
    await admin.client.cannedResponse.shared.create.mutate({ shortcut: sc("refund"), body: "{{agent.name}} of {{inbox.name}}: refunds take 5 days", inboxId: inside.id });
    await admin.client.cannedResponse.shared.create.mutate({ shortcut: sc("quote"), body: "Here is your quote", inboxId: outside.id });
    await admin.client.cannedResponse.own.create.mutate({ shortcut: sc("admin-own"), body: "An admin's own" });
    await member.api.client.cannedResponse.own.create.mutate({ shortcut: sc("mine"), body: "Cheers, {{agent.name}}" });
    await stranger.api.client.cannedResponse.own.create.mutate({ shortcut: sc("theirs"), body: "Someone else's" });
  });

  it("lists for each user exactly the shared ones they may see and their own", async () => {
    const ours = (list: string[]) => list.filter((shortcut) => shortcut.endsWith(tag));
    expect(ours(await shortcutsOf(member.api))).toEqual([sc("hello"), sc("mine"), sc("refund")]);
    expect(ours(await shortcutsOf(stranger.api))).toEqual([sc("hello"), sc("theirs")]);
    expect(ours(await shortcutsOf(admin))).toEqual([sc("admin-own"), sc("hello"), sc("quote"), sc("refund")]);
    const refund = (await member.api.client.cannedResponse.list.query()).find((response) => response.shortcut === sc("refund"));
    expect(refund).toMatchObject({ scope: "inbox", inboxId: inside.id, inboxName: inside.name });
  });

  it("offers in a conversation the ones for everyone, for its inbox and one's own, with the placeholders' values", async () => {
    const from = String(15550800000 + randomInt(10 ** 5));
    await postWebhook(server.url, server.appSecret, textMessage({ phoneNumberId: inside.phoneNumberId, from, name: "Ada Lovelace", text: "hi" }));
    const find = async () => (await member.api.client.conversation.list.query()).items.find((item) => item.contact.waId === from);
    await waitFor(async () => (await find()) !== undefined, "the conversation");
    const conversation = (await find())!;
    const offered = await member.api.client.cannedResponse.forConversation.query({ conversationId: conversation.id });
    expect(offered.responses.map((response) => response.shortcut).filter((shortcut) => shortcut.endsWith(tag)).sort()).toEqual([
      sc("hello"),
      sc("mine"),
      sc("refund"),
    ]);
    expect(offered.values).toEqual({ contactName: "Ada Lovelace", agentName: member.name, inboxName: inside.name });
    // Not the admin's view of everything: another inbox's shared ones stay out of this conversation.
    const forAdmin = await admin.client.cannedResponse.forConversation.query({ conversationId: conversation.id });
    expect(forAdmin.responses.map((response) => response.shortcut)).not.toContain(sc("quote"));
    expect(await errorOf(stranger.api.client.cannedResponse.forConversation.query({ conversationId: conversation.id }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets agents write only their own: shared ones are FORBIDDEN, someone else's are not found", async () => {
    const shared = (await admin.client.cannedResponse.list.query()).find((response) => response.shortcut === sc("hello"))!;
    const theirs = (await stranger.api.client.cannedResponse.list.query()).find((response) => response.shortcut === sc("theirs"))!;
    const agent = member.api.client.cannedResponse;
    expect(await errorOf(agent.shared.create.mutate({ shortcut: sc("nope"), body: "x", inboxId: null }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(agent.shared.update.mutate({ id: shared.id, shortcut: sc("hello"), body: "changed", inboxId: null }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(agent.shared.delete.mutate({ id: shared.id }))).toMatchObject({ code: "FORBIDDEN" });
    // Through the procedures for one's own: a shared one, or someone else's, is not theirs.
    expect(await errorOf(agent.own.update.mutate({ id: shared.id, shortcut: sc("hello"), body: "changed" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(agent.own.update.mutate({ id: theirs.id, shortcut: sc("theirs"), body: "changed" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(agent.own.delete.mutate({ id: theirs.id }))).toMatchObject({ code: "NOT_FOUND" });
    // Admins cannot reach an agent's own through the shared procedures either.
    expect(await errorOf(admin.client.cannedResponse.shared.delete.mutate({ id: theirs.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await stranger.api.client.cannedResponse.list.query()).find((response) => response.id === theirs.id)?.body).toBe("Someone else's");
    expect((await admin.client.cannedResponse.list.query()).find((response) => response.id === shared.id)?.body).toBe("Hello {{contact.first_name}}!");
  });

  it("refuses a shortcut already used in the same place, and allows it elsewhere", async () => {
    const create = admin.client.cannedResponse.shared.create;
    expect(await errorOf(create.mutate({ shortcut: sc("HELLO"), body: "again", inboxId: null }))).toEqual({
      code: "CONFLICT",
      message: `Shortcut: /${sc("hello")} is already used here; choose another`,
    });
    await create.mutate({ shortcut: sc("hello"), body: "Hello from Support", inboxId: inside.id });
    await member.api.client.cannedResponse.own.create.mutate({ shortcut: sc("hello"), body: "My own hello" });
    expect(await errorOf(member.api.client.cannedResponse.own.create.mutate({ shortcut: sc("mine"), body: "again" }))).toMatchObject({ code: "CONFLICT" });
    // Renaming one onto another's shortcut in the same place is a conflict too.
    const mine = (await member.api.client.cannedResponse.list.query()).find((response) => response.shortcut === sc("mine"))!;
    expect(await errorOf(member.api.client.cannedResponse.own.update.mutate({ id: mine.id, shortcut: sc("hello"), body: "x" }))).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses unknown placeholders and malformed shortcuts with a sentence naming the field", async () => {
    expect(await errorOf(member.api.client.cannedResponse.own.create.mutate({ shortcut: sc("typo"), body: "Hi {{contact.nmae}}" }))).toEqual({
      code: "BAD_REQUEST",
      message: "Text: unknown placeholder {{contact.nmae}}; use {{contact.name}}, {{contact.first_name}}, {{agent.name}}, {{inbox.name}}",
    });
    expect(await errorOf(member.api.client.cannedResponse.own.create.mutate({ shortcut: "two words", body: "x" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Shortcut: /),
    });
  });

  it("edits and deletes, and tells exactly the dashboards that may see the change", async () => {
    const [memberLive, strangerLive, adminLive] = await Promise.all([collectFromNow(member.api), collectFromNow(stranger.api), collectFromNow(admin)]);
    const changes = (live: Awaited<ReturnType<typeof collectFromNow>>) => live.events.filter((event) => event.type === "canned_responses.changed").length;

    const forInbox = await admin.client.cannedResponse.shared.create.mutate({ shortcut: sc("inbox-live"), body: "For Support", inboxId: inside.id });
    await waitFor(() => changes(memberLive) === 1 && changes(adminLive) === 1, "the inbox's change reaches its member and the admin");

    const own = await stranger.api.client.cannedResponse.own.create.mutate({ shortcut: sc("own-live"), body: "Mine" });
    await waitFor(() => changes(strangerLive) === 1, "one's own change reaches oneself");

    // Moved from the inbox to everyone: the stranger may now use it, the member is told too.
    const moved = await admin.client.cannedResponse.shared.update.mutate({ id: forInbox.id, shortcut: sc("inbox-live"), body: "For all", inboxId: null });
    expect(moved).toMatchObject({ scope: "everyone", inboxId: null, body: "For all" });
    await waitFor(() => changes(strangerLive) === 2 && changes(memberLive) >= 2, "everyone hears of a response for everyone");
    expect(await shortcutsOf(stranger.api)).toContain(sc("inbox-live"));

    await stranger.api.client.cannedResponse.own.delete.mutate({ id: own.id });
    await waitFor(() => changes(strangerLive) === 3, "the deletion reaches its owner");
    expect(await shortcutsOf(stranger.api)).not.toContain(sc("own-live"));
    await sleep(200);
    // The stranger never heard of the inbox's change, nor anyone else of the stranger's own.
    expect(changes(strangerLive)).toBe(3);
    const memberCount = changes(memberLive);
    const adminCount = changes(adminLive);
    expect(memberCount).toBe(3); // inbox create, then the move: told as the inbox and as everyone
    expect(adminCount).toBe(3);
  });
});
