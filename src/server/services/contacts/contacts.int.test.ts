// The contact panel over real HTTP and WebSocket against the real server (SQLite, or PostgreSQL and
// Redis with SWITCHBOARD_TEST_DATABASE=postgresql): an agent of the contact's inbox changes its name,
// note and attributes; every open dashboard that may see it gets each change live (and again on
// replay), an agent of another inbox is refused and never gets it; search finds the conversation by
// what the team wrote; bounds are refused with words that say why.
import { randomBytes, randomInt } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CONTACT_ATTRIBUTES } from "@/shared/contacts";
import type { TLoggedEvent } from "@/shared/events";
import { collectEvents, collectFromNow } from "../../../../testing/live";
import { startServer, type RunningServer } from "../../../../testing/server";
import { signIn } from "../../../../testing/session";
import { connect } from "../../../../testing/trpc";
import { waitFor } from "../../../../testing/wait";
import { postWebhook, textMessage } from "../../../../testing/webhook";

type Connection = ReturnType<typeof connect>;

let server: RunningServer;
let admin: Connection;
const connections: Connection[] = [];
const open = (cookie: string) => {
  const connection = connect(server.url, { cookie });
  connections.push(connection);
  return connection;
};

const unique = () => randomBytes(4).toString("hex");
const newPhoneNumberId = () => `4${randomInt(10 ** 13, 10 ** 14)}`;

const PASSWORD = "agent-password-1";

/** A new agent, the only member of `inboxId`, signed in. */
async function newAgent(inboxId: string) {
  const email = `agent-${unique()}@example.com`;
  const person = await admin.client.admin.people.create.mutate({ name: `Agent ${unique()}`, email, password: PASSWORD, role: "agent" });
  await admin.client.admin.inboxes.setMembers.mutate({ inboxId, userIds: [person.id] });
  return { id: person.id, email, api: open(await signIn(server.url, email, PASSWORD)) };
}

const errorOf = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return { code: (error.data as { code?: string } | undefined)?.code, message: error.message };
};

const contactEvents = (events: TLoggedEvent[]) => events.flatMap((event) => (event.type === "contact.updated" ? [event.contact] : []));

beforeAll(async () => {
  server = await startServer();
  admin = open(await signIn(server.url, "admin@example.com", "admin"));
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
  await server?.stop();
});

describe("the contact panel", () => {
  const customer = String(15550700000 + randomInt(10 ** 5));
  const inside = { id: "", phoneNumberId: newPhoneNumberId(), name: `Support ${unique()}` };
  const outside = { id: "", phoneNumberId: newPhoneNumberId(), name: `Sales ${unique()}` };
  let member: Awaited<ReturnType<typeof newAgent>>;
  let outsider: Awaited<ReturnType<typeof newAgent>>;
  let conversationId: string;
  let contactId: string;

  beforeAll(async () => {
    inside.id = (await admin.client.admin.inboxes.create.mutate({ name: inside.name, phoneNumberId: inside.phoneNumberId })).id;
    outside.id = (await admin.client.admin.inboxes.create.mutate({ name: outside.name, phoneNumberId: outside.phoneNumberId })).id;
    member = await newAgent(inside.id);
    outsider = await newAgent(outside.id);
    // The same customer writes to both numbers: one contact in each inbox.
    for (const inbox of [inside, outside]) {
      const delivery = textMessage({ phoneNumberId: inbox.phoneNumberId, from: customer, name: "Ada Lovelace", text: `hello ${inbox.name}` });
      expect((await postWebhook(server.url, server.appSecret, delivery)).status).toBe(200);
    }
    // Found by the number (a contact match), which only the member's inbox has for them.
    const find = async () => (await member.api.client.search.conversations.query({ query: customer }))[0]?.conversation;
    await waitFor(async () => (await find()) !== undefined, "the conversation for the member");
    const conversation = (await find())!;
    conversationId = conversation.id;
    contactId = conversation.contact.id;
  });

  it("shows the customer's name, number, when they first wrote, and only the other conversations the reader may see", async () => {
    const panel = await member.api.client.contact.panel.query({ conversationId });
    expect(panel.contact).toMatchObject({ id: contactId, name: "Ada Lovelace", waId: customer, note: "", attributes: [] });
    expect(panel.firstWroteAt).not.toBeNull();
    expect(panel.otherConversations).toEqual([]);
    const forAdmin = await admin.client.contact.panel.query({ conversationId });
    expect(forAdmin.otherConversations).toEqual([expect.objectContaining({ inboxName: outside.name, contactName: "Ada Lovelace", status: "open" })]);
  });

  it("takes changes of name, note and attributes from an agent of the inbox, live to every dashboard that may see it, and again on replay", async () => {
    const { lastEventId: before } = await member.api.client.events.cursor.query();
    const adminLive = await collectFromNow(admin);
    const outsiderLive = await collectFromNow(outsider.api);
    const contact = member.api.client.contact;

    await contact.update.mutate({ contactId, name: "  Ada King " });
    await contact.update.mutate({ contactId, note: "Prefers email; wholesale customer" });
    await contact.saveAttribute.mutate({ contactId, previousKey: null, key: "Order number", value: "ORD-4471" });
    await contact.saveAttribute.mutate({ contactId, previousKey: null, key: "Plan", value: "Gold" });
    await contact.saveAttribute.mutate({ contactId, previousKey: "Plan", key: "Plan", value: "Platinum" });
    await contact.saveAttribute.mutate({ contactId, previousKey: null, key: "Coupon", value: "SPRING" });
    const last = await contact.removeAttribute.mutate({ contactId, key: "Coupon" });
    const expected = {
      name: "Ada King",
      note: "Prefers email; wholesale customer",
      attributes: [
        { key: "Order number", value: "ORD-4471" },
        { key: "Plan", value: "Platinum" },
      ],
    };
    expect(last).toMatchObject(expected);

    await waitFor(() => contactEvents(adminLive.events).length >= 7, "seven contact.updated events for the admin");
    const received = contactEvents(adminLive.events);
    expect(received.at(-1)).toEqual(last);
    expect(received.map((profile) => profile.revision)).toEqual([...received.map((profile) => profile.revision)].sort((a, b) => a - b));

    // The header and the search have the new name.
    expect((await member.api.client.conversation.get.query({ id: conversationId })).contact.name).toBe("Ada King");
    expect((await admin.client.search.conversations.query({ query: "ada king" })).map((result) => result.conversation.id)).toContain(conversationId);

    // A dashboard that reconnects from before the changes gets them again, in order.
    const replay = collectEvents(open(await signIn(server.url, member.email, PASSWORD)), before);
    await waitFor(() => contactEvents(replay.events).length >= 7, "the replayed contact.updated events");
    expect(contactEvents(replay.events).at(-1)).toEqual(last);
    replay.unsubscribe();

    // The outsider sees the next event of their own inbox, and none of the contact's before it.
    const delivery = textMessage({ phoneNumberId: outside.phoneNumberId, from: customer, name: "Ada Lovelace", text: "still there?" });
    expect((await postWebhook(server.url, server.appSecret, delivery)).status).toBe(200);
    await waitFor(() => outsiderLive.events.some((event) => event.type === "message.created"), "the outsider's own inbox event");
    expect(contactEvents(outsiderLive.events)).toEqual([]);
    adminLive.unsubscribe();
    outsiderLive.unsubscribe();
  });

  it("refuses an agent of another inbox as if the contact did not exist", async () => {
    const contact = outsider.api.client.contact;
    expect(await errorOf(contact.panel.query({ conversationId }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(contact.update.mutate({ contactId, name: "Hijacked" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(contact.update.mutate({ contactId, note: "Hijacked" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(contact.saveAttribute.mutate({ contactId, previousKey: null, key: "x", value: "y" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(contact.removeAttribute.mutate({ contactId, key: "Plan" }))).toMatchObject({ code: "NOT_FOUND" });
    const panel = await admin.client.contact.panel.query({ conversationId });
    expect(panel.contact).toMatchObject({ name: "Ada King", note: "Prefers email; wholesale customer" });
    expect(panel.contact.attributes.map((attribute) => attribute.key)).toEqual(["Order number", "Plan"]);
  });

  it("finds the conversation by an attribute's value and by the note, for those who may see it only", async () => {
    const byAttribute = await member.api.client.search.conversations.query({ query: "ord-4471" });
    expect(byAttribute[0]).toMatchObject({
      conversation: { id: conversationId, contact: { name: "Ada King" } },
      match: { kind: "contact", field: "attribute", text: "Order number: ORD-4471" },
    });
    const byNote = await member.api.client.search.conversations.query({ query: "Wholesale" });
    expect(byNote[0]).toMatchObject({ conversation: { id: conversationId }, match: { kind: "contact", field: "note" } });
    expect(await outsider.api.client.search.conversations.query({ query: "ORD-4471" })).toEqual([]);
  });

  it("keeps the team's name when the customer writes again with their WhatsApp profile name", async () => {
    const delivery = textMessage({ phoneNumberId: inside.phoneNumberId, from: customer, name: "Ada Lovelace", text: "one more thing" });
    expect((await postWebhook(server.url, server.appSecret, delivery)).status).toBe(200);
    await waitFor(
      async () => (await member.api.client.conversation.get.query({ id: conversationId })).lastPreview === "one more thing",
      "the new message",
    );
    expect((await member.api.client.conversation.get.query({ id: conversationId })).contact.name).toBe("Ada King");
  });

  it("refuses what is out of bounds, saying why, and changes nothing", async () => {
    const contact = member.api.client.contact;
    const bad = async (call: Promise<unknown>, words: string) =>
      expect(await errorOf(call)).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(words) });
    await bad(contact.update.mutate({ contactId, name: "   " }), "Name: write the customer’s name");
    await bad(contact.update.mutate({ contactId, name: "x".repeat(101) }), "Name: at most 100 characters");
    await bad(contact.update.mutate({ contactId, note: "x".repeat(2001) }), "at most 2,000 characters");
    await bad(contact.update.mutate({ contactId }), "Change the name or the note");
    await bad(contact.saveAttribute.mutate({ contactId, previousKey: null, key: "k".repeat(41), value: "v" }), "Attribute: at most 40 characters");
    await bad(contact.saveAttribute.mutate({ contactId, previousKey: null, key: "Size", value: "v".repeat(201) }), "Value: at most 200 characters");
    await bad(contact.saveAttribute.mutate({ contactId, previousKey: null, key: "Size", value: " " }), "Value: write a value");
    expect(await errorOf(contact.saveAttribute.mutate({ contactId, previousKey: null, key: "plan", value: "Basic" }))).toMatchObject({
      code: "CONFLICT",
      message: "This contact already has “plan”",
    });
    const { contact: now } = await contact.panel.query({ conversationId });
    for (let index = now.attributes.length; index < MAX_CONTACT_ATTRIBUTES; index++) {
      await contact.saveAttribute.mutate({ contactId, previousKey: null, key: `Field ${index}`, value: String(index) });
    }
    await bad(contact.saveAttribute.mutate({ contactId, previousKey: null, key: "One too many", value: "x" }), `at most ${MAX_CONTACT_ATTRIBUTES} attributes`);
    const after = await contact.panel.query({ conversationId });
    expect(after.contact.attributes).toHaveLength(MAX_CONTACT_ATTRIBUTES);
    expect(after.contact).toMatchObject({ name: "Ada King", note: "Prefers email; wholesale customer" });
  });
});
