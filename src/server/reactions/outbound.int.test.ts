// Agents' replies and reactions to a message, through the real server, the outbox worker and a
// fake Graph API: the documented request bodies ("context", "reaction") and what every agent sees.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptedReply, startFakeGraph, type FakeGraph } from "../../../testing/fake-graph";
import { collectFromNow } from "../../../testing/live";
import { startServer, type RunningServer } from "../../../testing/server";
import { signIn } from "../../../testing/session";
import { connect } from "../../../testing/trpc";
import { waitFor } from "../../../testing/wait";
import { newWamid, postWebhook, statusUpdate, textMessage } from "../../../testing/webhook";

let graph: FakeGraph;
let server: RunningServer;
let agent: ReturnType<typeof connect>;
let admin: ReturnType<typeof connect>;

beforeAll(async () => {
  graph = await startFakeGraph();
  server = await startServer({ env: { WHATSAPP_ACCESS_TOKEN: graph.token, WHATSAPP_API_BASE_URL: graph.baseUrl } });
  agent = connect(server.url, { cookie: await signIn(server.url, "agent@example.com", "agent") });
  admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
});
afterAll(async () => {
  agent?.close();
  admin?.close();
  await server?.stop();
  await graph?.stop();
});

let nextPhone = 15550400000;
async function customerWrote(text: string) {
  const from = String(nextPhone++);
  const wamid = newWamid();
  await postWebhook(server.url, server.appSecret, textMessage({ from, name: "Customer", text, wamid }));
  const conversation = (await agent.client.conversation.list.query()).items.find((item) => item.contact.waId === from)!;
  const [message] = (await agent.client.conversation.messages.query({ conversationId: conversation.id })).messages;
  return { conversationId: conversation.id, messageId: message!.id, wamid, waId: from };
}

type Body = { to?: string; type?: string; context?: { message_id: string }; reaction?: { message_id: string; emoji: string }; biz_opaque_callback_data?: string };
const sentBodies = (to: string) => graph.sends().map((request) => request.body as Body).filter((body) => body.to === to);
const reactionsOf = async (conversationId: string, messageId: string) =>
  (await agent.client.conversation.messages.query({ conversationId })).messages.find((message) => message.id === messageId)?.reactions;

describe("an agent's quoted reply", () => {
  it("is sent with context.message_id and shows its quote", async () => {
    const { conversationId, messageId, wamid, waId } = await customerWrote("Where is my parcel?");
    const id = randomUUID();
    const sent = await agent.client.message.send.mutate({ conversationId, id, body: "On its way!", replyToId: messageId });
    expect(sent.replyTo).toEqual({ id: messageId, direction: "inbound", type: "text", body: "Where is my parcel?" });
    await waitFor(() => sentBodies(waId).length === 1, "the reply sent");
    expect(sentBodies(waId)[0]).toMatchObject({ type: "text", context: { message_id: wamid }, biz_opaque_callback_data: id });
    const listed = (await agent.client.conversation.messages.query({ conversationId })).messages.at(-1)!;
    expect(listed.replyTo).toEqual(sent.replyTo);
    // The same send again (a retry after a lost answer) gets the same message, quote included.
    const repeated = await agent.client.message.send.mutate({ conversationId, id, body: "On its way!", replyToId: messageId });
    expect(repeated).toMatchObject({ id, sortKey: sent.sortKey, replyTo: sent.replyTo });
  });

  it("refuses to quote a message of another conversation", async () => {
    const one = await customerWrote("one");
    const two = await customerWrote("two");
    await expect(
      agent.client.message.send.mutate({ conversationId: one.conversationId, id: randomUUID(), body: "x", replyToId: two.messageId }),
    ).rejects.toThrow(/not in this conversation/);
  });
});

describe("an agent's reaction", () => {
  it("is sent, replaced and removed through the outbox, live for every agent, not as a message", async () => {
    const { conversationId, messageId, wamid, waId } = await customerWrote("Thanks a lot");
    const live = await collectFromNow(admin);
    const react = (emoji: string) => agent.client.message.react.mutate({ messageId, id: randomUUID(), emoji });

    expect(await react("👍")).toMatchObject({ rev: 1, business: { emoji: "👍", byName: expect.any(String) as string, failed: null } });
    await waitFor(() => sentBodies(waId).length === 1, "the reaction sent");
    expect(sentBodies(waId)[0]).toMatchObject({ type: "reaction", reaction: { message_id: wamid, emoji: "👍" } });
    expect(sentBodies(waId)[0]!.context).toBeUndefined();

    await react("❤️");
    await waitFor(() => sentBodies(waId).length === 2, "the replacement sent");
    expect(sentBodies(waId)[1]!.reaction).toEqual({ message_id: wamid, emoji: "❤️" });

    await react("");
    await waitFor(() => sentBodies(waId).length === 3, "the removal sent");
    expect(sentBodies(waId)[2]!.reaction).toEqual({ message_id: wamid, emoji: "" });
    expect(await reactionsOf(conversationId, messageId)).toMatchObject({ rev: 3, business: { emoji: "" } });

    const emojis = live.events.flatMap((event) => (event.type === "message.reactions" ? [event.reactions.business?.emoji] : []));
    expect(emojis).toEqual(["👍", "❤️", ""]);
    live.unsubscribe();
    // The hidden messages that carried them are not in the log.
    const log = (await agent.client.conversation.messages.query({ conversationId })).messages;
    expect(log.map((message) => message.body)).toEqual(["Thanks a lot"]);
  });

  it("the same id twice sends once", async () => {
    const { messageId, waId } = await customerWrote("twice");
    const id = randomUUID();
    await agent.client.message.react.mutate({ messageId, id, emoji: "🙏" });
    await agent.client.message.react.mutate({ messageId, id, emoji: "🙏" });
    await waitFor(() => sentBodies(waId).length === 1, "the reaction sent");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentBodies(waId)).toHaveLength(1);
  });

  it("to a message WhatsApp no longer knows fails with a readable reason", async () => {
    const { conversationId, messageId, waId } = await customerWrote("old news");
    const reactionWamid = newWamid();
    graph.script({ status: 200, body: acceptedReply(waId, reactionWamid), to: waId });
    await agent.client.message.react.mutate({ messageId, id: randomUUID(), emoji: "😮" });
    await waitFor(() => sentBodies(waId).length === 1, "the reaction sent");
    await waitFor(async () => (await reactionsOf(conversationId, messageId))?.business?.emoji === "😮", "shown");
    // As Meta documents: accepted, then a failed status webhook with 131009.
    const failed = statusUpdate(reactionWamid, "failed", {
      errors: [{ code: 131009, title: "Parameter value is not valid", error_data: { details: "Parameter value is not valid" } }],
    });
    await postWebhook(server.url, server.appSecret, failed);
    await waitFor(async () => (await reactionsOf(conversationId, messageId))?.business?.failed != null, "the failure shown");
    expect((await reactionsOf(conversationId, messageId))!.business!.failed).toMatch(/no longer knows the message.*131009/);
  });

  it("on a private note or a message not visible to the agent is refused", async () => {
    const { conversationId } = await customerWrote("note me");
    const note = await agent.client.message.note.mutate({ conversationId, id: randomUUID(), body: "internal" });
    await expect(agent.client.message.react.mutate({ messageId: note.id, id: randomUUID(), emoji: "👍" })).rejects.toThrow(/private note/);
    await expect(agent.client.message.react.mutate({ messageId: "no-such-message", id: randomUUID(), emoji: "👍" })).rejects.toThrow(/not found/i);
  });
});
