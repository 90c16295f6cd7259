// Read receipts and the typing indicator, against the real server and the fake Cloud API: opening a
// conversation tells WhatsApp the newest customer message was read — once, whoever opens it —
// typing shows "typing…" to the customer, renewed no more than WhatsApp needs, and both follow the
// inbox's settings.
import { beforeEach, describe, expect, it } from "vitest";
import { testApp } from "../../../testing/test-app";
import { sleep, waitFor } from "../../../testing/wait";
import { DEFAULT_PHONE_NUMBER_ID, newWamid, postWebhook, textMessage } from "../../../testing/webhook";

let customerCounter = 0;

const app = testApp({ fakeGraph: true, signIn: ["agent", "admin"] });
beforeEach(() => {
  app.graph.requests.length = 0;
});

/** A new customer writes `count` messages; returns the conversation and the wamids, oldest first. */
async function customerWrites(count: number, from = `1555060${String(++customerCounter).padStart(4, "0")}`) {
  const wamids: string[] = [];
  for (let index = 0; index < count; index++) {
    const wamid = newWamid();
    wamids.push(wamid);
    expect((await postWebhook(app.server.url, app.server.appSecret, textMessage({ from, text: `message ${index + 1}`, wamid }))).status).toBe(200);
  }
  const conversation = (await app.agent.client.conversation.list.query()).items.find((item) => item.contact.waId === from)!;
  return { conversation, wamids, from };
}

const receiptsFor = (wamid: string) => app.graph.readReceipts().filter((body) => body.message_id === wamid);

async function setSignals(readReceipts: boolean, typingIndicator: boolean) {
  const inbox = (await app.admin.client.admin.inboxes.list.query()).find((item) => item.phoneNumberId === DEFAULT_PHONE_NUMBER_ID)!;
  await app.admin.client.admin.inboxes.update.mutate({
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
    await app.agent.client.conversation.markRead.mutate({ conversationId: conversation.id, upToKey: conversation.lastMessageKey });
    await waitFor(() => receiptsFor(wamids[1]!).length === 1, "the read receipt");
    expect(receiptsFor(wamids[1]!)[0]).toEqual({ messaging_product: "whatsapp", status: "read", message_id: wamids[1] });
    // The blue ticks cover the older message too: WhatsApp is told only about the newest.
    expect(receiptsFor(wamids[0]!)).toEqual([]);

    await app.admin.client.conversation.markRead.mutate({ conversationId: conversation.id, upToKey: conversation.lastMessageKey });
    await sleep(500);
    expect(receiptsFor(wamids[1]!)).toHaveLength(1);
  });

  it("are not sent when the inbox turns them off", async () => {
    await setSignals(false, true);
    try {
      const { conversation, wamids } = await customerWrites(1);
      await app.agent.client.conversation.markRead.mutate({ conversationId: conversation.id, upToKey: conversation.lastMessageKey });
      await app.agent.client.presence.typing.mutate({ conversationId: conversation.id, typing: true });
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
    await app.agent.client.presence.typing.mutate({ conversationId: conversation.id, typing: true });
    await waitFor(() => receiptsFor(wamids[0]!).length === 1, "the typing indicator");
    expect(receiptsFor(wamids[0]!)[0]).toEqual({ messaging_product: "whatsapp", status: "read", message_id: wamids[0], typing_indicator: { type: "text" } });

    await sleep(1_100); // past the dashboard's own typing throttle, inside WhatsApp's 25 s
    await app.agent.client.presence.typing.mutate({ conversationId: conversation.id, typing: true });
    await sleep(500);
    expect(receiptsFor(wamids[0]!)).toHaveLength(1);

    await setSignals(true, false);
    try {
      const other = await customerWrites(1);
      await app.agent.client.presence.typing.mutate({ conversationId: other.conversation.id, typing: true });
      await sleep(700);
      expect(receiptsFor(other.wamids[0]!)).toEqual([]);
    } finally {
      await setSignals(true, true);
    }
  });
});
