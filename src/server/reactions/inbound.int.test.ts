// Customers' quoted replies and reactions over real HTTP: the documented webhook shapes
// (testing/fixtures/whatsapp/inbound-reply.json, inbound-reaction.json) in, the log and the live
// stream out. Reactions change the message they react to, exactly once, newest wins.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDelivery } from "../demo/webhook-payloads";
import type { TMessage } from "@/shared/dto";
import { collectFromNow } from "../../../testing/live";
import { startServer, type RunningServer } from "../../../testing/server";
import { signIn } from "../../../testing/session";
import { connect } from "../../../testing/trpc";
import { DEFAULT_PHONE_NUMBER_ID, newWamid, postWebhook, textMessage } from "../../../testing/webhook";

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../testing/fixtures/whatsapp", name), "utf8"));
const QUOTED_WAMID = "wamid.HBgLMTU1NTAxMDk4NzYVAgASGBhGMUM3QTAwMDAwMDAwMDAwMDAwMDAwMDEA";
const CUSTOMER = "15550109876";

let server: RunningServer;
let admin: ReturnType<typeof connect>;

beforeAll(async () => {
  server = await startServer();
  admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
});
afterAll(async () => {
  await admin?.close();
  await server?.stop();
});

const post = async (payload: unknown) => expect((await postWebhook(server.url, server.appSecret, payload)).status).toBe(200);
const history = async (): Promise<TMessage[]> => {
  const [conversation] = (await admin.client.conversation.list.query()).items;
  return (await admin.client.conversation.messages.query({ conversationId: conversation!.id })).messages;
};

function reaction(options: { emoji: string; at: number; wamid?: string; to?: string }) {
  return webhookDelivery(DEFAULT_PHONE_NUMBER_ID, {
    contacts: [{ profile: { name: "Alex Example" }, wa_id: CUSTOMER }],
    messages: [
      {
        from: CUSTOMER,
        id: options.wamid ?? newWamid(),
        timestamp: String(options.at),
        type: "reaction",
        reaction: { message_id: options.to ?? QUOTED_WAMID, emoji: options.emoji },
      },
    ],
  });
}

describe("a customer's quoted reply", () => {
  it("is stored with the message it quotes, in the event and in the history", async () => {
    await post(fixture("inbound-text.json"));
    const live = await collectFromNow(admin);
    await post(fixture("inbound-reply.json"));
    await live.waitForCount(1);
    live.unsubscribe();
    const [original, reply] = await history();
    expect(original!.replyTo ?? null).toBeNull();
    const quote = { id: original!.id, direction: "inbound", type: "text", body: original!.body };
    expect(reply!.replyTo).toEqual(quote);
    expect(live.events[0]).toMatchObject({ type: "message.created", message: { id: reply!.id, replyTo: quote } });
  });

  it("quoting a message we do not have shows as unavailable", async () => {
    const delivery = textMessage({ text: "about that…", from: CUSTOMER });
    const value = delivery.entry[0]!.changes[0]!.value as { messages: Record<string, unknown>[] };
    value.messages[0]!.context = { from: CUSTOMER, id: "wamid.NEVERSEEN" };
    await post(delivery);
    const last = (await history()).at(-1)!;
    expect(last.body).toBe("about that…");
    expect(last.replyTo).toEqual({ id: null, direction: null, type: null, body: "" });
  });
});

describe("a customer's reaction", () => {
  const base = 1767225720; // the fixture's time
  const reactionsOn = async () => (await history()).find((message) => message.body.startsWith("Olá"))!.reactions;

  it("shows on the message it reacts to, not as a message of its own, and keeps the preview", async () => {
    const before = await history();
    const [conversation] = (await admin.client.conversation.list.query()).items;
    const live = await collectFromNow(admin);
    await post(fixture("inbound-reaction.json"));
    await live.waitForCount(1);
    expect(live.events[0]).toMatchObject({ type: "message.reactions", messageId: before[0]!.id, reactions: { rev: 1, customer: { emoji: "👍", byName: "Alex Example" } } });
    expect(await history()).toHaveLength(before.length);
    expect((await admin.client.conversation.list.query()).items[0]!.lastPreview).toBe(conversation!.lastPreview);

    // The same delivery again changes nothing and records nothing.
    await post(fixture("inbound-reaction.json"));
    await post(textMessage({ text: "marker", from: CUSTOMER }));
    await live.waitForCount(2);
    expect(live.events.map((event) => event.type)).toEqual(["message.reactions", "message.created"]);
    live.unsubscribe();
    expect(await reactionsOn()).toMatchObject({ rev: 1, customer: { emoji: "👍" } });
  });

  it("is replaced by a newer one, survives an older one arriving late, and goes when removed", async () => {
    await post(reaction({ emoji: "❤️", at: base + 60 }));
    expect(await reactionsOn()).toMatchObject({ rev: 2, customer: { emoji: "❤️" } });
    await post(reaction({ emoji: "😮", at: base + 30 }));
    expect(await reactionsOn()).toMatchObject({ rev: 2, customer: { emoji: "❤️" } });

    // Out of order: the removal first, then the reaction it removed.
    const late = newWamid();
    await post(reaction({ emoji: "", at: base + 120 }));
    await post(reaction({ emoji: "😂", at: base + 90, wamid: late }));
    expect(await reactionsOn()).toMatchObject({ rev: 3, customer: { emoji: "" } });
  });

  it("on a message we do not have, or of another customer, changes nothing", async () => {
    await post(reaction({ emoji: "👍", at: base + 200, to: "wamid.NEVERSEEN" }));
    const other = webhookDelivery(DEFAULT_PHONE_NUMBER_ID, {
      contacts: [{ profile: { name: "Someone Else" }, wa_id: "15550100000" }],
      messages: [{ from: "15550100000", id: newWamid(), timestamp: String(base + 200), type: "reaction", reaction: { message_id: QUOTED_WAMID, emoji: "👎" } }],
    });
    await post(other);
    expect(await reactionsOn()).toMatchObject({ rev: 3, customer: { emoji: "" } });
  });
});

describe("reactions and other inboxes", () => {
  const NUMBER_B = "300000000000402";
  const SECRET_B = "test_app_secret_b_reactions";

  it("a delivery for another number cannot react to this inbox's message, and agents outside an inbox never see its reactions", async () => {
    await admin.client.admin.inboxes.create.mutate({ name: "Partner", phoneNumberId: NUMBER_B, appSecret: SECRET_B });
    const before = (await history()).find((message) => message.body.startsWith("Olá"))!.reactions;
    const crossInbox = webhookDelivery(NUMBER_B, {
      contacts: [{ profile: { name: "Alex Example" }, wa_id: CUSTOMER }],
      messages: [{ from: CUSTOMER, id: newWamid(), timestamp: String(1767225720 + 500), type: "reaction", reaction: { message_id: QUOTED_WAMID, emoji: "💀" } }],
    });
    expect((await postWebhook(server.url, SECRET_B, crossInbox)).status).toBe(200);
    expect((await history()).find((message) => message.body.startsWith("Olá"))!.reactions).toEqual(before);

    // The agent is not a member of the new inbox: its customer's reaction never reaches them.
    const agent = connect(server.url, { cookie: await signIn(server.url, "agent@example.com", "agent") });
    try {
      const live = await collectFromNow(agent);
      const wamidB = newWamid();
      const inB = (text: string, extra: Record<string, unknown> = {}) =>
        webhookDelivery(NUMBER_B, {
          contacts: [{ profile: { name: "Bea" }, wa_id: "15550402222" }],
          messages: [{ from: "15550402222", id: extra.id ?? newWamid(), timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: text }, ...extra }],
        });
      expect((await postWebhook(server.url, SECRET_B, inB("hello B", { id: wamidB }))).status).toBe(200);
      const reactionB = webhookDelivery(NUMBER_B, {
        contacts: [{ profile: { name: "Bea" }, wa_id: "15550402222" }],
        messages: [{ from: "15550402222", id: newWamid(), timestamp: String(Math.floor(Date.now() / 1000) + 1), type: "reaction", reaction: { message_id: wamidB, emoji: "👍" } }],
      });
      const adminLive = await collectFromNow(admin);
      expect((await postWebhook(server.url, SECRET_B, reactionB)).status).toBe(200);
      await adminLive.waitForCount(1);
      adminLive.unsubscribe();
      expect(adminLive.events[0]).toMatchObject({ type: "message.reactions", reactions: { customer: { emoji: "👍" } } });
      // A marker in the agent's own inbox: once it arrives, anything from B would have too.
      await post(textMessage({ text: "marker for the agent", from: CUSTOMER }));
      await live.waitForCount(1);
      live.unsubscribe();
      expect(live.events.map((event) => event.type)).toEqual(["message.created"]);
      await expect(agent.client.message.react.mutate({ messageId: (adminLive.events[0] as { messageId: string }).messageId, id: crypto.randomUUID(), emoji: "👍" })).rejects.toThrow(/not found/i);
    } finally {
      agent.close();
    }
  });
});
