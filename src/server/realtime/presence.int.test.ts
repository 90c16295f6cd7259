// Typing and presence over real tRPC WebSockets against the real server: who is told, and that
// neither is ever stored or replayed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { collectEvents, collectFromNow } from "../../../testing/live";
import { testApp, type DemoUser } from "../../../testing/test-app";
import { prismaFor } from "../../../testing/test-database";
import { signIn } from "../../../testing/session";
import { connect, latestEventId } from "../../../testing/trpc";
import { sleep, waitFor } from "../../../testing/wait";
import { postWebhook, textMessage } from "../../../testing/webhook";
import type { TPresenceUpdate, TTypingUpdate } from "@/shared/presence";
import { hashPassword } from "../auth/password";

const SALES_PHONE_NUMBER_ID = "300000000000003";
// Short enough for a test to see someone go offline.
const HEARTBEAT_MS = 300;
const TIMEOUT_MS = 1_500;

const app = testApp({ env: { PRESENCE_HEARTBEAT_MS: String(HEARTBEAT_MS), PRESENCE_TIMEOUT_MS: String(TIMEOUT_MS) }, signIn: ["admin", "agent"] });
let phoneCounter = 0;
/** Sara, of the Sales inbox only (seedSalesInbox). */
let salesCookie: string;

const open = (who: DemoUser | "sales") => app.connect({ cookie: who === "sales" ? salesCookie : app.cookie(who) });

/** A second inbox and an agent who belongs to it alone (the demo agent is in the default inbox only). */
async function seedSalesInbox(): Promise<void> {
  const db = prismaFor(app.server.databaseUrl);
  try {
    const inbox = await db.inbox.create({ data: { id: randomUUID(), name: "Sales", phoneNumberId: SALES_PHONE_NUMBER_ID } });
    const user = await db.user.create({
      data: { id: randomUUID(), email: "sara@example.com", name: "Sara Sales", role: "agent", passwordHash: await hashPassword("sales-pass") },
    });
    await db.inboxMember.create({ data: { inboxId: inbox.id, userId: user.id } });
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  await seedSalesInbox();
  salesCookie = await signIn(app.server.url, "sara@example.com", "sales-pass");
});

function collectPresence(connection: ReturnType<typeof connect>) {
  const updates: TPresenceUpdate[] = [];
  let started = false;
  const subscription = connection.client.presence.subscribe.subscribe(undefined, {
    onStarted: () => (started = true),
    onData: (update) => updates.push(update),
  });
  const typing = () => updates.filter((update): update is TTypingUpdate => update.type === "typing");
  const online = () => updates.findLast((update) => update.type === "online")?.users.map((user) => user.name) ?? null;
  return {
    updates,
    typing,
    online,
    started: () => waitFor(() => started && online() !== null, "presence subscription started with a snapshot"),
    unsubscribe: () => subscription.unsubscribe(),
  };
}

/** A customer writes to an inbox; returns the new conversation's id. */
async function newConversation(phoneNumberId?: string): Promise<string> {
  const from = `1555030${String(++phoneCounter).padStart(4, "0")}`;
  const response = await postWebhook(app.server.url, app.server.appSecret, textMessage({ from, text: "Hello?", phoneNumberId }));
  expect(response.status).toBe(200);
  const list = (await open("admin").client.conversation.list.query()).items;
  const conversation = list.find((item) => item.contact.waId === from);
  if (!conversation) throw new Error(`no conversation for ${from}`);
  return conversation.id;
}

describe("typing", () => {
  it("reaches the other agents who see the conversation, never the typist or an agent of another inbox", async () => {
    const supportId = await newConversation();
    const salesId = await newConversation(SALES_PHONE_NUMBER_ID);
    const admin = open("admin");
    const [adminView, agentView, salesView] = [collectPresence(admin), collectPresence(open("agent")), collectPresence(open("sales"))];
    await Promise.all([adminView.started(), agentView.started(), salesView.started()]);

    await admin.client.presence.typing.mutate({ conversationId: supportId, typing: true });
    await waitFor(() => agentView.typing().length === 1, "the agent is told");
    expect(agentView.typing()[0]).toEqual({ type: "typing", conversationId: supportId, user: { id: expect.any(String), name: "Ada Admin" }, typing: true });

    // Signals arrive in the order they were sent: once Sara has the later one, the earlier one
    // would have come before it.
    await admin.client.presence.typing.mutate({ conversationId: salesId, typing: true });
    await waitFor(() => salesView.typing().length === 1, "the sales agent is told about the sales conversation");
    expect(salesView.typing().map((update) => update.conversationId)).toEqual([salesId]);
    await admin.client.presence.typing.mutate({ conversationId: supportId, typing: false });
    await waitFor(() => agentView.typing().length === 2, "the agent is told the typing stopped");
    expect(agentView.typing().map((update) => [update.conversationId, update.typing])).toEqual([[supportId, true], [supportId, false]]);
    expect(adminView.typing()).toEqual([]);
  });

  it("relays at most one 'typing' a second per person and conversation, and always 'stopped'", async () => {
    const conversationId = await newConversation();
    const agentView = collectPresence(open("agent"));
    await agentView.started();
    const admin = open("admin");
    for (let round = 0; round < 5; round++) await admin.client.presence.typing.mutate({ conversationId, typing: true });
    await admin.client.presence.typing.mutate({ conversationId, typing: false });
    await waitFor(() => agentView.typing().some((update) => !update.typing), "the agent is told the typing stopped");
    expect(agentView.typing().map((update) => update.typing)).toEqual([true, false]);
  });

  it("refuses a typing signal for a conversation the sender may not see", async () => {
    const salesId = await newConversation(SALES_PHONE_NUMBER_ID);
    await expect(open("agent").client.presence.typing.mutate({ conversationId: salesId, typing: true })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await expect(open("agent").client.presence.typing.mutate({ conversationId: "", typing: true })).rejects.toMatchObject({
      data: { code: "BAD_REQUEST" },
    });
  });

  it("is never stored as an event nor replayed to a subscription that resumes with lastEventId", async () => {
    const conversationId = await newConversation();
    const before = await latestEventId(app.server.url, app.cookie("admin"));
    const admin = open("admin");
    const agent = open("agent");
    const live = await collectFromNow(agent);

    await admin.client.presence.typing.mutate({ conversationId, typing: true });
    await admin.client.presence.heartbeat.mutate();
    await admin.client.presence.typing.mutate({ conversationId, typing: false });
    await sleep(200);
    expect(await latestEventId(app.server.url, app.cookie("admin"))).toBe(before);
    expect(live.events).toEqual([]);

    // A resuming subscription gets the one real change since its cursor, and nothing else.
    await postWebhook(app.server.url, app.server.appSecret, textMessage({ from: `1555030${String(++phoneCounter).padStart(4, "0")}`, text: "a real message" }));
    const resumed = collectEvents(open("agent"), before);
    await resumed.waitForCount(1);
    await sleep(300);
    expect(resumed.events.map((event) => event.type)).toEqual(["message.created"]);
  });
});

describe("presence", () => {
  it("shows a user online after a heartbeat and offline once their heartbeats stop for the timeout", async () => {
    const watcher = collectPresence(open("admin"));
    await watcher.started();
    const agent = open("agent");
    expect((await agent.client.presence.heartbeat.mutate()).intervalMs).toBe(HEARTBEAT_MS);
    await waitFor(() => watcher.online()?.includes("Alan Agent") ?? false, "Alan online");

    // Still online while the heartbeats keep coming, for longer than the timeout.
    const beating = setInterval(() => void agent.client.presence.heartbeat.mutate(), HEARTBEAT_MS);
    try {
      await sleep(TIMEOUT_MS + 500);
      expect(watcher.online()).toContain("Alan Agent");
    } finally {
      clearInterval(beating);
    }
    const stoppedAt = Date.now();
    await waitFor(() => !(watcher.online()?.includes("Alan Agent") ?? true), "Alan offline", TIMEOUT_MS + 5_000);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(TIMEOUT_MS - HEARTBEAT_MS - 100);

    // A subscription that starts later begins with the list as it is now.
    await agent.client.presence.heartbeat.mutate();
    const late = collectPresence(open("admin"));
    await late.started();
    expect(late.updates[0]).toMatchObject({ type: "online" });
    expect(late.online()).toContain("Alan Agent");
  });

  it("shows people only to those who share an inbox with them", async () => {
    const [sales, agent] = [open("sales"), open("agent")];
    const [salesView, agentView, adminView] = [collectPresence(sales), collectPresence(agent), collectPresence(open("admin"))];
    await Promise.all([salesView.started(), agentView.started(), adminView.started()]);
    await Promise.all([sales.client.presence.heartbeat.mutate(), agent.client.presence.heartbeat.mutate()]);
    await waitFor(() => ["Alan Agent", "Sara Sales"].every((name) => adminView.online()?.includes(name)), "the admin sees both");
    await waitFor(() => salesView.online()?.includes("Sara Sales") ?? false, "Sara sees herself");
    await waitFor(() => agentView.online()?.includes("Alan Agent") ?? false, "Alan sees himself");
    await sleep(300);
    // Sara (sales only) and Alan (support only) share no inbox.
    expect(salesView.updates.flatMap((update) => (update.type === "online" ? update.users.map((user) => user.name) : []))).not.toContain("Alan Agent");
    expect(agentView.updates.flatMap((update) => (update.type === "online" ? update.users.map((user) => user.name) : []))).not.toContain("Sara Sales");
  });
});
