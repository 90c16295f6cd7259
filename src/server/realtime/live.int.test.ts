// The live stream over a real tRPC WebSocket against the real server: fan-out, replay after a
// reconnect, authentication of the socket, and a server restart.
import { describe, expect, it } from "vitest";
import { collectEvents, collectFromNow } from "../../../testing/live";
import { testApp } from "../../../testing/test-app";
import { sleep, waitFor } from "../../../testing/wait";
import { postWebhook, textMessage } from "../../../testing/webhook";
import type { TLoggedEvent } from "@/shared/events";

const app = testApp({ signIn: ["admin", "agent"] });

const send = (text: string, from = "15550004444") => postWebhook(app.server.url, app.server.appSecret, textMessage({ from, text }));
const bodies = (events: TLoggedEvent[]) =>
  events.map((event) => (event.type === "message.created" ? event.message.body : event.type));

describe("live events", () => {
  it("reach every signed-in client at once, as tracked events with increasing ids", async () => {
    const admin = app.connect({ cookie: app.cookie("admin") });
    const agent = app.connect({ cookie: app.cookie("agent") });
    const [adminEvents, agentEvents] = await Promise.all([collectFromNow(admin), collectFromNow(agent)]);

    await send("first live message 👋");
    await send("second");
    await Promise.all([adminEvents.waitForCount(2), agentEvents.waitForCount(2)]);
    expect(bodies(adminEvents.events)).toEqual(["first live message 👋", "second"]);
    expect(bodies(agentEvents.events)).toEqual(["first live message 👋", "second"]);
    const ids = adminEvents.events.map((event) => Number(event.id));
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    const first = adminEvents.events[0]!;
    expect(first.type === "message.created" && first.message.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    adminEvents.unsubscribe();
    agentEvents.unsubscribe();
  });

  it("replays exactly the missed events after a reconnect with lastEventId", async () => {
    const first = app.connect({ cookie: app.cookie("admin") });
    const before = await collectFromNow(first);
    await send("seen before the drop");
    await before.waitForCount(1);
    const cursor = before.events[0]!.id;
    await first.close();

    for (let index = 1; index <= 5; index++) await send(`missed ${index}`);

    const again = app.connect({ cookie: app.cookie("admin") });
    const after = collectEvents(again, cursor);
    await after.waitForCount(5);
    await send("live after replay");
    await after.waitForCount(6);
    await sleep(300);
    expect(bodies(after.events)).toEqual(["missed 1", "missed 2", "missed 3", "missed 4", "missed 5", "live after replay"]);
  });

  it("tells a client whose cursor is from another database to reload, then goes on from the end of the log", async () => {
    await send("already in this log");
    const { lastEventId: end } = await app.connect({ cookie: app.cookie("admin") }).client.events.cursor.query();
    // A cursor this log never gave: the database was reset or restored from an older backup.
    const foreign = String(Number(end) + 1_000);
    const resumed = collectEvents(app.connect({ cookie: app.cookie("admin") }), foreign);
    await resumed.waitForCount(1);
    expect(resumed.events[0]).toMatchObject({ type: "stream.reset", id: end });
    await send("after the reset");
    await resumed.waitForCount(2);
    expect(bodies(resumed.events)).toEqual(["stream.reset", "after the reset"]);
  });

  it("closes a socket without a session, or from a foreign Origin, with 4401 and sends it nothing", async () => {
    for (const options of [{}, { cookie: "next-auth.session-token=forged" }, { cookie: app.cookie("admin"), origin: "https://evil.example" }]) {
      const codes: number[] = [];
      const connection = app.connect({ ...options, onClose: (cause) => codes.push(cause?.code ?? 0), retryDelayMs: () => 60_000 });
      const received = collectEvents(connection, null);
      await waitFor(() => codes.length > 0, "socket closed");
      await send("not for strangers");
      await sleep(200);
      expect(codes[0]).toBe(4401);
      expect(received.events).toEqual([]);
      received.unsubscribe();
    }
  });

  it("resumes after the server restarts, with nothing lost and nothing twice", async () => {
    const live = await collectFromNow(app.connect({ cookie: app.cookie("admin") }));
    await send("before restart");
    await live.waitForCount(1);

    await app.server.restart();
    expect(app.server.output()).not.toMatch(/Error/);
    await send("after restart 1");
    await send("after restart 2");
    await live.waitForCount(3, 20_000);
    await sleep(300);
    expect(bodies(live.events)).toEqual(["before restart", "after restart 1", "after restart 2"]);
  });

  it("clears unread for the reader only, and tells only the reader's sockets", async () => {
    const admin = app.connect({ cookie: app.cookie("admin") });
    const agent = app.connect({ cookie: app.cookie("agent") });
    const [adminEvents, agentEvents] = await Promise.all([collectFromNow(admin), collectFromNow(agent)]);
    await send("please read me", "15550005555");
    await Promise.all([adminEvents.waitForCount(1), agentEvents.waitForCount(1)]);

    const conversation = (await agent.client.conversation.list.query()).items.find((item) => item.contact.waId === "15550005555")!;
    expect(conversation.unreadCount).toBe(1);
    await agent.client.conversation.markRead.mutate({ conversationId: conversation.id, upToKey: conversation.lastMessageKey });

    await agentEvents.waitForCount(2);
    expect(agentEvents.events[1]).toMatchObject({ type: "conversation.read", conversationId: conversation.id });
    const agentView = (await agent.client.conversation.list.query()).items.find((item) => item.id === conversation.id)!;
    const adminView = (await admin.client.conversation.list.query()).items.find((item) => item.id === conversation.id)!;
    expect([agentView.unreadCount, adminView.unreadCount]).toEqual([0, 1]);
    await sleep(200);
    expect(adminEvents.events.map((event) => event.type)).toEqual(["message.created"]);
  });

  it("rejects invalid input and unknown conversations with clear errors", async () => {
    const agent = app.connect({ cookie: app.cookie("agent") });
    await expect(agent.client.conversation.messages.query({ conversationId: "x", limit: 1000 })).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
    await expect(agent.client.conversation.get.query({ id: "no-such-conversation" })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    const anonymous = app.connect({});
    await expect(anonymous.client.conversation.list.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
  });
});
