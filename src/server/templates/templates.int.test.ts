// Message templates through the real server: read from a fake Graph API (paged), kept, changed by
// the status webhook, and sent through the outbox with the Cloud API's template body.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { errorReply, startFakeGraph, type FakeGraph } from "../../../testing/fake-graph";
import { collectFromNow } from "../../../testing/live";
import { startServer, type RunningServer } from "../../../testing/server";
import { signIn } from "../../../testing/session";
import { connect } from "../../../testing/trpc";
import { waitFor } from "../../../testing/wait";
import { postWebhook, textMessage } from "../../../testing/webhook";
import { english, englishOf } from "../i18n/english";

const BUSINESS_ACCOUNT_ID = "100000000000001";
const statusFixture = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../../../testing/fixtures/whatsapp/template-status-update.json"), "utf8"),
) as { entry: { changes: { value: { event: string } }[] }[] };

let graph: FakeGraph;
let server: RunningServer;
let api: ReturnType<typeof connect>;

beforeAll(async () => {
  graph = await startFakeGraph();
  // More than one page (the app asks for 100 at a time): the list must follow the cursors.
  for (let index = 0; index < 130; index++) {
    graph.templates.push({ name: `bulk_${String(index).padStart(3, "0")}`, language: "en_US", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "Thanks for your order." }] });
  }
  server = await startServer({
    env: { WHATSAPP_ACCESS_TOKEN: graph.token, WHATSAPP_API_BASE_URL: graph.baseUrl, WHATSAPP_BUSINESS_ACCOUNT_ID: BUSINESS_ACCOUNT_ID },
  });
  api = connect(server.url, { cookie: await signIn(server.url, "agent@example.com", "agent") });
});
afterEach(() => graph?.reset());
afterAll(async () => {
  api?.close();
  await server?.stop();
  await graph?.stop();
});

let nextPhone = 15550700000;
async function newConversation(name = "Casey Customer") {
  const from = String(nextPhone++);
  await postWebhook(server.url, server.appSecret, textMessage({ from, name, text: "hello" }));
  const conversation = (await api.client.conversation.list.query()).items.find((item) => item.contact.waId === from);
  if (!conversation) throw new Error("conversation not created");
  return { id: conversation.id, waId: from };
}

const names = (list: { templates: { name: string }[] }) => list.templates.map((template) => template.name);

/** A conversation in a new inbox of its own (the agent a member), for an inbox set up otherwise. */
async function conversationInNewInbox(settings: { accessToken?: string; businessAccountId?: string }) {
  const admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
  try {
    const phoneNumberId = String(nextPhone++);
    const inbox = await admin.client.admin.inboxes.create.mutate({ name: `Inbox ${phoneNumberId}`, phoneNumberId, ...settings });
    const agentId = (await admin.client.admin.people.list.query()).find((person) => person.email === "agent@example.com")!.id;
    await admin.client.admin.inboxes.setMembers.mutate({ inboxId: inbox.id, userIds: [agentId] });
    const from = String(nextPhone++);
    await postWebhook(server.url, server.appSecret, textMessage({ from, name: "Other Inbox", text: "hello", phoneNumberId }));
    const conversation = (await api.client.conversation.list.query()).items.find((item) => item.contact.waId === from);
    if (!conversation) throw new Error("conversation not created");
    return conversation;
  } finally {
    admin.close();
  }
}


function statusUpdate(name: string, event: string) {
  const payload = structuredClone(statusFixture) as { entry: { changes: { value: Record<string, unknown> }[] }[] };
  Object.assign(payload.entry[0]!.changes[0]!.value, { message_template_name: name, event });
  return payload;
}

async function messageOf(conversationId: string, id: string) {
  const page = await api.client.conversation.messages.query({ conversationId, limit: 100 });
  return page.messages.find((message) => message.id === id);
}

describe("message templates", () => {
  it("reads every page of the account's templates and lists only the approved ones it can fill", async () => {
    const conversation = await newConversation();
    const list = await api.client.template.list.query({ conversationId: conversation.id });

    expect(list.problem).toBeNull();
    expect(names(list)).toContain("order_update");
    expect(names(list)).toContain("we_are_back");
    // Rejected, pending, and one with a coupon-code button we cannot fill: not offered.
    for (const hidden of ["summer_sale", "holiday_hours", "loyalty_code"]) expect(names(list)).not.toContain(hidden);
    expect(list.templates).toHaveLength(4 + 130);
    expect(list.templates.find((template) => template.name === "order_update")).toEqual({
      name: "order_update",
      language: "en_US",
      category: "UTILITY",
      header: "Order update",
      headerMedia: null,
      body: "Hi {{1}}, your order {{2}} is on its way. Reply here if you have any questions.",
      footer: "Sent by our support team",
      buttons: [],
      namedVariables: false,
      fields: [
        { component: "body", key: "1", label: { key: "templateVariable", values: { key: "1" } } },
        { component: "body", key: "2", label: { key: "templateVariable", values: { key: "2" } } },
      ],
    });
    const reads = graph.requests.filter((request) => request.path === `/v21.0/${BUSINESS_ACCOUNT_ID}/message_templates`);
    expect(reads).toHaveLength(2);
    expect(reads[0]!.authorization).toBe(`Bearer ${graph.token}`);
  });

  it("a status webhook pauses a template (it disappears, live) and reinstating brings it back", async () => {
    const conversation = await newConversation();
    await api.client.template.list.query({ conversationId: conversation.id });
    const live = await collectFromNow(api);

    const response = await postWebhook(server.url, server.appSecret, statusUpdate("we_are_back", "PAUSED"));
    expect(response.status).toBe(200);
    expect(names(await api.client.template.list.query({ conversationId: conversation.id }))).not.toContain("we_are_back");
    await waitFor(() => live.events.some((event) => event.type === "templates.changed"), "templates.changed event");

    await postWebhook(server.url, server.appSecret, statusUpdate("we_are_back", "REINSTATED"));
    expect(names(await api.client.template.list.query({ conversationId: conversation.id }))).toContain("we_are_back");
    live.unsubscribe();
  });

  it("a status webhook signed with a wrong secret is refused and changes nothing", async () => {
    const conversation = await newConversation();
    const response = await postWebhook(server.url, "not-the-secret", statusUpdate("order_update", "PAUSED"));
    expect(response.status).toBe(401);
    expect(names(await api.client.template.list.query({ conversationId: conversation.id }))).toContain("order_update");
  });

  it("sends a template through the outbox with the Cloud API's body, shows it filled in, and ticks it", async () => {
    const conversation = await newConversation("Alex Example");
    await api.client.template.list.query({ conversationId: conversation.id });
    const id = randomUUID();
    const input = { conversationId: conversation.id, id, name: "order_update", language: "en_US", parameters: ["Alex", "#10234"] };
    const message = await api.client.template.send.mutate(input);
    // The same id again (a retried request) is the same message, sent once.
    expect((await api.client.template.send.mutate(input)).id).toBe(id);

    expect(message).toMatchObject({ type: "template", direction: "outbound", body: "Hi Alex, your order #10234 is on its way. Reply here if you have any questions." });
    expect(message.details).toMatchObject({ templateName: "order_update", templateHeader: "Order update", templateFooter: "Sent by our support team" });
    await waitFor(async () => (await messageOf(conversation.id, id))?.status === "sent", "template sent");
    const sends = graph.sends().filter((request) => (request.body as { biz_opaque_callback_data?: string }).biz_opaque_callback_data === id);
    expect(sends).toHaveLength(1);
    expect(sends[0]!.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: conversation.waId,
      type: "template",
      template: {
        name: "order_update",
        language: { code: "en_US" },
        components: [{ type: "body", parameters: [{ type: "text", text: "Alex" }, { type: "text", text: "#10234" }] }],
      },
      biz_opaque_callback_data: id,
    });
  });

  it("sends a media header by its link, named variables by name and a URL button's end, and the log shows them", async () => {
    const conversation = await newConversation("Ana Lima");
    await api.client.template.list.query({ conversationId: conversation.id });
    const id = randomUUID();
    const label = "https://example.com/labels/7.pdf";
    const sent = await api.client.template.send.mutate({ conversationId: conversation.id, id, name: "shipping_label", language: "en_US", parameters: [label, "#7"] });
    expect(sent).toMatchObject({ body: "Here is the shipping label for order #7.", details: { templateHeaderMedia: "document", templateHeaderLink: label } });
    const named = randomUUID();
    const window = await api.client.template.send.mutate({ conversationId: conversation.id, id: named, name: "delivery_window", language: "en_US", parameters: ["#7", "Ana", "today", "7"] });
    expect(window).toMatchObject({ body: "Hi Ana, your parcel arrives today.", details: { templateHeader: "Delivery of #7" } });

    await waitFor(async () => (await messageOf(conversation.id, named))?.status === "sent", "both templates sent");
    const sendOf = (messageId: string) => graph.sends().find((request) => (request.body as { biz_opaque_callback_data?: string }).biz_opaque_callback_data === messageId);
    expect(sendOf(id)?.body).toMatchObject({
      template: {
        name: "shipping_label",
        components: [
          { type: "header", parameters: [{ type: "document", document: { link: label } }] },
          { type: "body", parameters: [{ type: "text", text: "#7" }] },
        ],
      },
    });
    expect(sendOf(named)?.body).toMatchObject({
      template: {
        name: "delivery_window",
        components: [
          { type: "header", parameters: [{ type: "text", parameter_name: "order_id", text: "#7" }] },
          { type: "body", parameters: [{ type: "text", parameter_name: "first_name", text: "Ana" }, { type: "text", parameter_name: "window", text: "today" }] },
          { type: "button", sub_type: "url", index: "1", parameters: [{ type: "text", text: "7" }] },
        ],
      },
    });
  });

  it("a template WhatsApp has paused fails with a reason an agent can act on", async () => {
    const conversation = await newConversation();
    await api.client.template.list.query({ conversationId: conversation.id });
    graph.script({ status: 400, body: errorReply(132015, "(#132015) Cannot send message with a paused template", "Template is Paused"), to: conversation.waId });
    const id = randomUUID();
    await api.client.template.send.mutate({ conversationId: conversation.id, id, name: "we_are_back", language: "en_US", parameters: ["Sam"] });

    await waitFor(async () => (await messageOf(conversation.id, id))?.status === "failed", "template failed");
    expect(englishOf((await messageOf(conversation.id, id))!.statusReason!)).toBe(
      "WhatsApp has paused this template because of its low quality; choose another template. (132015)",
    );
  });

  it("says why an inbox offers none, as a text the dashboard words in the reader's language", async () => {
    const noAccount = await conversationInNewInbox({ accessToken: graph.token });
    expect(await api.client.template.list.query({ conversationId: noAccount.id })).toEqual({ templates: [], problem: { key: "templatesNoBusinessAccount" } });

    const badToken = await conversationInNewInbox({ accessToken: "not-the-token", businessAccountId: "100000000000009" });
    const refused = await api.client.template.refresh.mutate({ conversationId: badToken.id });
    expect(refused.problem?.key).toBe("templatesNotListed");
    expect(english(refused.problem!)).toBe("WhatsApp did not list the templates: The WhatsApp access token is invalid or has expired; an admin needs to update it. (190)");
  });

  it("refuses a send whose variables do not match the template, or a template that is not approved", async () => {
    const conversation = await newConversation();
    await api.client.template.list.query({ conversationId: conversation.id });
    const base = { conversationId: conversation.id, language: "en_US" };
    await expect(api.client.template.send.mutate({ ...base, id: randomUUID(), name: "order_update", parameters: ["Alex"] })).rejects.toThrow(
      "This template has 2 fields; fill in each of them",
    );
    await expect(
      api.client.template.send.mutate({ ...base, id: randomUUID(), name: "shipping_label", parameters: ["http://example.com/label.pdf", "#7"] }),
    ).rejects.toThrow("Header document link: The header needs an https link to the file");
    await expect(api.client.template.send.mutate({ ...base, id: randomUUID(), name: "order_update", parameters: ["Alex", " "] })).rejects.toThrow(
      /Fill in every variable/,
    );
    await expect(api.client.template.send.mutate({ ...base, id: randomUUID(), name: "summer_sale", parameters: [] })).rejects.toThrow(/not approved/);
    const page = await api.client.conversation.messages.query({ conversationId: conversation.id, limit: 100 });
    expect(page.messages.filter((message) => message.direction === "outbound")).toHaveLength(0);
  });
});
