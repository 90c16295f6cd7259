// Replies through the real server: message.send over tRPC, the worker in the server process, a
// fake Graph API on loopback, and the live stream a dashboard sees. Includes stopping the server
// with replies still queued, gracefully and by a crash.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { errorReply } from "../../../testing/fake-graph";
import { collectFromNow } from "../../../testing/live";
import { testApp } from "../../../testing/test-app";
import { waitFor } from "../../../testing/wait";
import { postWebhook, textMessage } from "../../../testing/webhook";
import type { TLoggedEvent } from "@/shared/events";
import { englishOf } from "../i18n/english";

const METRICS_TOKEN = "test-metrics-token-for-outbox";

// A short lease: after a kill -9, the send that was under way is in doubt within seconds.
const app = testApp({ fakeGraph: true, env: { OUTBOX_LEASE_MS: "3000", METRICS_TOKEN }, signIn: ["agent"] });
// A slow API or an unused scripted reply left by a failed test must not reach the next one.
afterEach(() => app.graph.reset());

let nextPhone = 15550300000;
async function newConversation() {
  const from = String(nextPhone++);
  await postWebhook(app.server.url, app.server.appSecret, textMessage({ from, name: "Customer", text: "hello" }));
  const list = (await app.agent.client.conversation.list.query()).items;
  const conversation = list.find((item) => item.contact.waId === from);
  if (!conversation) throw new Error("conversation not created");
  return { id: conversation.id, waId: from };
}

const send = (conversationId: string, body: string) =>
  app.agent.client.message.send.mutate({ conversationId, id: randomUUID(), body });

const callbackIds = () => app.graph.sentMessageIds();
const sendsOf = (id: string) => callbackIds().filter((sent) => sent === id).length;

async function messageStatus(conversationId: string, id: string) {
  const page = await app.agent.client.conversation.messages.query({ conversationId, limit: 100 });
  return page.messages.find((message) => message.id === id);
}

const statusesOf = (events: TLoggedEvent[], id: string) =>
  events.flatMap((event) => {
    if (event.type === "message.created" && event.message.id === id) return [event.message.status];
    if (event.type === "message.status" && event.messageId === id) return [event.status];
    return [];
  });

describe("replies through the server", () => {
  it("posts the exact request to the Cloud API and every client sees queued, then sent", async () => {
    const conversation = await newConversation();
    const live = await collectFromNow(app.agent);
    const message = await send(conversation.id, "On its way 🚚");

    await waitFor(() => statusesOf(live.events, message.id).length >= 2, "queued and sent events");
    expect(statusesOf(live.events, message.id)).toEqual(["queued", "sent"]);
    const request = app.graph.sends().find((sent) => sent.body && (sent.body as { to?: string }).to === conversation.waId);
    expect(request).toMatchObject({
      path: "/v21.0/200000000000002/messages",
      authorization: `Bearer ${app.graph.token}`,
      body: {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: conversation.waId,
        type: "text",
        text: { preview_url: false, body: "On its way 🚚" },
        biz_opaque_callback_data: message.id,
      },
    });
    live.unsubscribe();
  });

  it("tries again after a 500 and ends sent, with the same message id both times", async () => {
    const conversation = await newConversation();
    app.graph.script({ status: 500, body: errorReply(131000, "Something went wrong"), to: conversation.waId });
    const message = await send(conversation.id, "second try");
    await waitFor(async () => (await messageStatus(conversation.id, message.id))?.status === "sent", "sent");
    expect(sendsOf(message.id)).toBe(2);
  });

  it("shows a permanent error as failed with WhatsApp's reason", async () => {
    const conversation = await newConversation();
    app.graph.script({
      status: 400,
      body: errorReply(131026, "Message Undeliverable", "Message failed to send because the recipient is not on WhatsApp."),
      to: conversation.waId,
    });
    const message = await send(conversation.id, "nobody home");
    await waitFor(async () => (await messageStatus(conversation.id, message.id))?.status === "failed", "failed");
    expect(englishOf((await messageStatus(conversation.id, message.id))!.statusReason!)).toBe(
      "WhatsApp could not deliver to this number; it may not be on WhatsApp or may use an old version. (131026)",
    );
    expect(sendsOf(message.id)).toBe(1);
    const metrics = await (await fetch(`${app.server.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toMatch(/^switchboard_outbox_failed [1-9]\d*$/m);
  });

  it("rejects an empty or oversized reply with a clear error and stores nothing", async () => {
    const conversation = await newConversation();
    await expect(send(conversation.id, "   ")).rejects.toThrow(/Write a message first/);
    await expect(send(conversation.id, "x".repeat(4097))).rejects.toThrow(/at most 4,096 characters/);
    await expect(send("no-such-conversation", "hi")).rejects.toThrow(/not found/);
    const page = await app.agent.client.conversation.messages.query({ conversationId: conversation.id, limit: 100 });
    expect(page.messages.map((message) => message.direction)).toEqual(["inbound"]);
  });

  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    it(`finishes the queue after a restart (${signal}) and sends no reply twice`, async () => {
      const conversations = await Promise.all([newConversation(), newConversation(), newConversation()]);
      app.graph.setSendDelay(150);
      const messages: { id: string; conversationId: string }[] = [];
      for (let index = 0; index < 5; index++) {
        for (const conversation of conversations) {
          const message = await send(conversation.id, `reply ${index + 1}`);
          messages.push({ id: message.id, conversationId: conversation.id });
        }
      }
      await waitFor(() => callbackIds().some((id) => messages.some((message) => message.id === id)), "the first send");
      await app.server.restart(signal);
      app.graph.setSendDelay(0);

      // Every reply ends sent, or (only after a crash, for a send that was under way) failed as
      // in doubt; WhatsApp never gets one twice, and none is left behind.
      const final = async () =>
        Promise.all(messages.map(async (message) => (await messageStatus(message.conversationId, message.id))?.status));
      await waitFor(async () => (await final()).every((status) => status === "sent" || status === "failed"), "all settled", 30_000);
      const statuses = await final();
      for (const [index, message] of messages.entries()) {
        const times = sendsOf(message.id);
        if (statuses[index] === "sent") expect(times).toBe(1);
        else expect(times).toBeLessThanOrEqual(1);
      }
      const inDoubt = statuses.filter((status) => status === "failed").length;
      if (signal === "SIGTERM") expect(inDoubt).toBe(0);
      // At most one send per conversation is under way at any moment.
      else expect(inDoubt).toBeLessThanOrEqual(conversations.length);
      expect(statuses.filter((status) => status === "sent").length).toBe(messages.length - inDoubt);
    });
  }
});
