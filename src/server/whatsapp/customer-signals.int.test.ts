// Read receipts and the typing indicator, against the real server and the fake Cloud API: opening a
// conversation tells WhatsApp the newest customer message was read — once, whoever opens it —
// typing shows "typing…" to the customer, renewed no more than WhatsApp needs, and both follow the
// inbox's settings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../../../testing/fake-graph";
import { startServer, type RunningServer } from "../../../testing/server";
import { signIn } from "../../../testing/session";
import { connect } from "../../../testing/trpc";
import { sleep, waitFor } from "../../../testing/wait";
import { DEFAULT_PHONE_NUMBER_ID, newWamid, postWebhook, textMessage } from "../../../testing/webhook";

let graph: FakeGraph;
let server: RunningServer;
let agent: ReturnType<typeof connect>;
let admin: ReturnType<typeof connect>;
let customerCounter = 0;

beforeAll(async () => {
  graph = await startFakeGraph();
  server = await startServer({ env: { WHATSAPP_ACCESS_TOKEN: graph.token, WHATSAPP_API_BASE_URL: graph.baseUrl } });
  agent = connect(server.url, { cookie: await signIn(server.url, "agent@example.com", "agent") });
  admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
}, 120_000);
afterAll(async () => {
  agent?.close();
  admin?.close();
  await server?.stop();
  await graph?.stop();
});
beforeEach(() => {
  graph.requests.length = 0;
});

/** A new customer writes `count` messages; returns the conversation and the wamids, oldest first. */
async function customerWrites(count: number, from = `1555060${String(++customerCounter).padStart(4, "0")}`) {
  const wamids: string[] = [];
  for (let index = 0; index < count; index++) {
    const wamid = newWamid();
    wamids.push(wamid);
    expect((await postWebhook(server.url, server.appSecret, textMessage({ from, text: `message ${index + 1}`, wamid }))).status).toBe(200);
  }
  const conversation = (await agent.client.conversation.list.query()).find((item) => item.contact.waId === from)!;
  return { conversation, wamids, from };
}

const receiptsFor = (wamid: string) => graph.readReceipts().filter((body) => body.message_id === wamid);

async function setSignals(readReceipts: boolean, typingIndicator: boolean) {
  const inbox = (await admin.client.admin.inboxes.list.query()).find((item) => item.phoneNumberId === DEFAULT_PHONE_NUMBER_ID)!;
  await admin.client.admin.inboxes.update.mutate({
    id: inbox.id,
    name: inbox.name,
    phoneNumberId: inbox.phoneNumberId,
    sendReadReceipts: readReceipts,
    sendTypingIndicator: typingIndicator,
  });
}

describe("read receipts to the customer", () => {
  it("tell WhatsApp the newest message was read when an agent opens the conversation, once however many open it", async () => {
    const { conversation, wamids } = await customerWrites(2);
    await agent.client.conversation.markRead.mutate({ conversationId: conversation.id, upToKey: conversation.lastMessageKey });
    await waitFor(() => receiptsFor(wamids[1]!).length === 1, "the read receipt");
    expect(receiptsFor(wamids[1]!)[0]).toEqual({ messaging_product: "whatsapp", status: "read", message_id: wamids[1] });
    // The blue ticks cover the older message too: WhatsApp is told only about the newest.
    expect(receiptsFor(wamids[0]!)).toEqual([]);

    await admin.client.conversation.markRead.mutate({ conversationId: conversation.id, upToKey: conversation.lastMessageKey });
    await sleep(500);
    expect(receiptsFor(wamids[1]!)).toHaveLength(1);
  });

  it("are not sent when the inbox turns them off", async () => {
    await setSignals(false, true);
    try {
      const { conversation, wamids } = await customerWrites(1);
      await agent.client.conversation.markRead.mutate({ conversationId: conversation.id, upToKey: conversation.lastMessageKey });
      await agent.client.presence.typing.mutate({ conversationId: conversation.id, typing: true });
      await sleep(700);
      expect(receiptsFor(wamids[0]!)).toEqual([]);
    } finally {
      await setSignals(true, true);
    }
  });
});

describe("the typing indicator to the customer", () => {
  it("shows while an agent types, renewed at most every 20 seconds, and follows the inbox's setting", async () => {
    const { conversation, wamids } = await customerWrites(1);
    await agent.client.presence.typing.mutate({ conversationId: conversation.id, typing: true });
    await waitFor(() => receiptsFor(wamids[0]!).length === 1, "the typing indicator");
    expect(receiptsFor(wamids[0]!)[0]).toEqual({ messaging_product: "whatsapp", status: "read", message_id: wamids[0], typing_indicator: { type: "text" } });

    await sleep(1_100); // past the dashboard's own typing throttle, inside WhatsApp's 25 s
    await agent.client.presence.typing.mutate({ conversationId: conversation.id, typing: true });
    await sleep(500);
    expect(receiptsFor(wamids[0]!)).toHaveLength(1);

    await setSignals(true, false);
    try {
      const other = await customerWrites(1);
      await agent.client.presence.typing.mutate({ conversationId: other.conversation.id, typing: true });
      await sleep(700);
      expect(receiptsFor(other.wamids[0]!)).toEqual([]);
    } finally {
      await setSignals(true, true);
    }
  });
});
