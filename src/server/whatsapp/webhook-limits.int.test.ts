// A signed delivery may carry at most MAX_UPDATES_PER_DELIVERY messages and statuses, WhatsApp's
// own largest: one with more is refused with 413 and stores nothing (it would hold the database's
// write lock for seconds). Exactly the bound is stored whole.
import { describe, expect, it } from "vitest";
import { testApp } from "../../../testing/test-app";
import { DEFAULT_PHONE_NUMBER_ID, newWamid, postWebhook, textMessages } from "../../../testing/webhook";
import { statusDelivery } from "../demo/webhook-payloads";
import { MAX_UPDATES_PER_DELIVERY } from "./payload";

const app = testApp({ signIn: ["admin"] });

const conversations = async () => (await app.admin.client.conversation.list.query()).items;
const many = (from: string, count: number) => textMessages({ from, name: "Bulk Customer", count, text: (index) => `message ${index}` });

describe("messages and statuses per delivery", () => {
  it(`refuses ${MAX_UPDATES_PER_DELIVERY + 1} messages in one delivery with 413 and stores none`, async () => {
    const response = await postWebhook(app.server.url, app.server.appSecret, many("15550107001", MAX_UPDATES_PER_DELIVERY + 1));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe(
      `A delivery carries at most ${MAX_UPDATES_PER_DELIVERY} messages and statuses; this one has ${MAX_UPDATES_PER_DELIVERY + 1}`,
    );
    expect(await conversations()).toEqual([]);
  });

  it("counts messages and statuses over every change of the delivery", async () => {
    const messages = many("15550107002", MAX_UPDATES_PER_DELIVERY - 10);
    const statuses = statusDelivery(
      DEFAULT_PHONE_NUMBER_ID,
      Array.from({ length: 11 }, () => ({ wamid: newWamid(), status: "delivered", recipientId: "15550107002" })),
    );
    const delivery = { ...messages, entry: [...messages.entry, ...statuses.entry] };
    expect((await postWebhook(app.server.url, app.server.appSecret, delivery)).status).toBe(413);
    expect(await conversations()).toEqual([]);
  });

  it(`stores a delivery of exactly ${MAX_UPDATES_PER_DELIVERY} messages`, async () => {
    const response = await postWebhook(app.server.url, app.server.appSecret, many("15550107003", MAX_UPDATES_PER_DELIVERY));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ messagesStored: MAX_UPDATES_PER_DELIVERY });
  });
});
