// Two numbers, two app secrets: whoever holds inbox B's secret can sign deliveries for B, and must
// not be able to change anything of inbox A through them — not A's customer's name, not the status
// of A's reply, not A's stored message, and not get A's media by announcing its digest.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { statusDelivery } from "../demo/webhook-payloads";
import type { FakeMedia } from "../../../testing/fake-graph";
import { testApp } from "../../../testing/test-app";
import { prismaFor } from "../../../testing/test-database";
import { waitFor } from "../../../testing/wait";
import { DEFAULT_PHONE_NUMBER_ID, imageMessage, newWamid, postWebhook, textMessage } from "../../../testing/webhook";

const app = testApp({ fakeGraph: true, signIn: ["admin"] });

const CUSTOMER = "15550301234";
const NUMBER_B = "300000000000301";
const SECRET_B = `test_app_secret_b_${randomBytes(8).toString("hex")}`;

let inboxA: string;
let inboxB: string;
let photo: FakeMedia;
let inboundWamid: string;

const conversationIn = async (inboxId: string) => {
  const conversation = (await app.admin.client.conversation.list.query()).items.find((item) => item.inboxId === inboxId && item.contact.waId === CUSTOMER);
  if (!conversation) throw new Error(`no conversation with ${CUSTOMER} in ${inboxId}`);
  return conversation;
};
const messagesIn = async (inboxId: string) =>
  (await app.admin.client.conversation.messages.query({ conversationId: (await conversationIn(inboxId)).id })).messages;
const getMedia = (messageId: string) => fetch(`${app.server.url}/api/media/${messageId}`, { headers: { cookie: app.cookie("admin") } });

beforeAll(async () => {
  // B has a Cloud API token of its own, which the fake Graph API does not know (A's is the default).
  inboxB = (await app.admin.client.admin.inboxes.create.mutate({ name: "Partner", phoneNumberId: NUMBER_B, accessToken: "fake-token-of-b", appSecret: SECRET_B })).id;

  // Inbox A: the customer writes with a photo, and an agent replies; WhatsApp accepts the reply.
  photo = app.graph.addMedia("image/jpeg", randomBytes(50_000));
  inboundWamid = newWamid();
  expect((await postWebhook(app.server.url, app.server.appSecret, textMessage({ from: CUSTOMER, name: "Ann Customer", text: "Hello A", wamid: inboundWamid }))).status).toBe(200);
  expect((await postWebhook(app.server.url, app.server.appSecret, imageMessage({ from: CUSTOMER, name: "Ann Customer", media: photo }))).status).toBe(200);
  const conversation = (await app.admin.client.conversation.list.query()).items.find((item) => item.contact.waId === CUSTOMER)!;
  inboxA = conversation.inboxId;
  await app.admin.client.message.send.mutate({ conversationId: conversation.id, id: randomUUID(), body: "Your order ships today" });
  await waitFor(async () => (await messagesIn(inboxA)).some((message) => message.direction === "outbound" && message.status === "sent"), "the reply to be sent");
});

describe("a delivery signed with inbox B's secret", () => {
  it("gives B a customer of its own and leaves A's customer's name alone", async () => {
    const delivery = textMessage({ phoneNumberId: NUMBER_B, from: CUSTOMER, name: "Renamed by B", text: "Hello B" });
    expect((await postWebhook(app.server.url, SECRET_B, delivery)).status).toBe(200);

    expect((await conversationIn(inboxB)).contact.name).toBe("Renamed by B");
    expect((await conversationIn(inboxA)).contact.name).toBe("Ann Customer");
  });

  it("does not move the status of A's reply, now or when it would have been pending", async () => {
    const prisma = prismaFor(app.server.databaseUrl);
    const reply = await prisma.message.findFirstOrThrow({ where: { direction: "outbound", conversation: { inboxId: inboxA } } });
    await prisma.$disconnect();
    const forged = statusDelivery(NUMBER_B, [{ wamid: reply.wamid!, status: "read", recipientId: CUSTOMER }]);
    expect((await postWebhook(app.server.url, SECRET_B, forged)).status).toBe(200);

    const after = (await messagesIn(inboxA)).find((message) => message.id === reply.id)!;
    expect(after.status).toBe("sent");
    // A's own report still moves it: the forged one was not taken as A's.
    const real = statusDelivery(DEFAULT_PHONE_NUMBER_ID, [{ wamid: reply.wamid!, status: "delivered", recipientId: CUSTOMER }]);
    expect((await postWebhook(app.server.url, app.server.appSecret, real)).status).toBe(200);
    await waitFor(async () => (await messagesIn(inboxA)).find((message) => message.id === reply.id)?.status === "delivered", "A's own status");
  });

  it("cannot overwrite A's stored message by reusing its wamid", async () => {
    const replay = textMessage({ phoneNumberId: NUMBER_B, from: CUSTOMER, name: "Renamed by B", text: "Not what Ann wrote", wamid: inboundWamid });
    expect((await postWebhook(app.server.url, SECRET_B, replay)).status).toBe(200);
    const bodies = (await messagesIn(inboxA)).map((message) => message.body);
    expect(bodies).toContain("Hello A");
    expect(bodies).not.toContain("Not what Ann wrote");
    expect((await messagesIn(inboxB)).map((message) => message.body)).not.toContain("Not what Ann wrote");
  });

  it("cannot get A's photo by announcing its digest: B's media is fetched with B's own token", async () => {
    const photoInA = (await messagesIn(inboxA)).find((message) => message.type === "image")!;
    const fromA = await getMedia(photoInA.id);
    expect(fromA.status).toBe(200);
    expect(Buffer.from(await fromA.arrayBuffer()).equals(photo.bytes)).toBe(true);

    const announced = imageMessage({ phoneNumberId: NUMBER_B, from: CUSTOMER, name: "Renamed by B", media: photo });
    expect((await postWebhook(app.server.url, SECRET_B, announced)).status).toBe(200);
    const photoInB = (await messagesIn(inboxB)).find((message) => message.type === "image")!;
    const fromB = await getMedia(photoInB.id);
    expect(fromB.status).not.toBe(200);
    expect(Buffer.from(await fromB.arrayBuffer()).includes(photo.bytes.subarray(0, 64))).toBe(false);
    // The only way to B's bytes was the Graph API, with B's token, which it refused.
    expect(app.graph.requests.some((request) => request.authorization === "Bearer fake-token-of-b")).toBe(true);
  });
});
