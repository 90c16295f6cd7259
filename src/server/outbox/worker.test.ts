// The outbox worker in-process, against a real SQLite file and a fake Graph API that is a real
// HTTP server on loopback: what is sent, retries, failures, order, and the cases where we cannot
// know whether WhatsApp got a message.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { acceptedReply, errorReply, gate, startFakeGraph, type FakeGraph } from "../../../testing/fake-graph";
import { createTempDatabase } from "../../../testing/temp-db";
import { waitFor } from "../../../testing/wait";
import { statusUpdate, textMessage } from "../../../testing/webhook";
import type { BusEvent } from "../bus";
import { englishOf } from "../i18n/english";

createTempDatabase();
const graph: FakeGraph = await startFakeGraph();
process.env.WHATSAPP_ACCESS_TOKEN = graph.token;
process.env.WHATSAPP_API_BASE_URL = graph.baseUrl;
// With a token this is not demo mode: the first admin must be configured.
process.env.ADMIN_EMAIL = "admin@example.com";
process.env.ADMIN_PASSWORD = "test-only-password";

const { db } = await import("../db/client");
const { bus } = await import("../bus");
const { bootstrap } = await import("../bootstrap");
const { ingestDelivery } = await import("../whatsapp/ingest");
const { ZWebhookPayload } = await import("../whatsapp/payload");
const { sendMessage, retryMessage } = await import("../services/outbound/replies");
const { OutboxWorker } = await import("./worker");
const { claimJob, markAbandonedInDoubt } = await import("./jobs");
const { textMessageBody } = await import("./request-body");

const options = {
  concurrency: 4,
  maxAttempts: 3,
  baseDelayMs: 20,
  maxDelayMs: 100,
  sendRatePerNumber: 1000,
  requestTimeoutMs: 500,
  pollIntervalMs: 100,
  stopGraceMs: 2_000,
  leaseMs: 5_000,
};

const published: BusEvent[] = [];
const controller = new AbortController();
let admin: { userId: string; inboxIds: "all" };
let worker: InstanceType<typeof OutboxWorker> | null = null;

beforeAll(async () => {
  await bootstrap();
  const user = await db().read.user.findFirstOrThrow({ where: { role: "admin" } });
  admin = { userId: user.id, inboxIds: "all" };
  void (async () => {
    for await (const event of bus().subscribe(controller.signal)) published.push(event);
  })();
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
});
afterAll(async () => {
  controller.abort();
  await graph.stop();
});

async function startWorker(overrides: Partial<typeof options> = {}) {
  worker = new OutboxWorker({ ...options, ...overrides });
  await worker.start();
  return worker;
}

const ingest = (payload: unknown) => ingestDelivery(ZWebhookPayload.parse(payload));

let nextPhone = 15550200000;
async function newConversation() {
  const from = String(nextPhone++);
  await ingest(textMessage({ from, name: "Customer", text: "hello" }));
  const conversation = await db().read.conversation.findFirstOrThrow({ where: { contact: { waId: from } } });
  return { id: conversation.id, waId: from };
}

const send = (conversationId: string, body: string, id: string = randomUUID()) =>
  sendMessage(admin, { conversationId, id, body });

const stored = (id: string) => db().read.message.findUniqueOrThrow({ where: { id } });
const sendsOf = (id: string) => graph.sentMessageIds().filter((sent) => sent === id);
const statusEvents = (id: string) =>
  published.flatMap(({ event }) =>
    event.type === "message.status" && event.messageId === id ? [event.status] : [],
  );
const untilStatus = (id: string, status: string, timeoutMs = 5_000) =>
  waitFor(async () => (await stored(id)).status === status, `message ${id} to be ${status}`, timeoutMs);
/** The bus delivers to its subscribers just after the commit the database poll may already see. */
const untilPublished = (id: string, status: ReturnType<typeof statusEvents>[number]) =>
  waitFor(() => statusEvents(id).includes(status), `a ${status} event for ${id}`);

/**
 * Sends a later reply in the same conversation and waits until it is sent. The worker keeps each
 * conversation's replies in order, so once this one is out, an earlier reply still due to be
 * (re)sent would have gone first: what was sent by then is all that will be.
 */
async function sendLaterReplyThrough(conversationId: string) {
  const later = await send(conversationId, "a later reply");
  await untilStatus(later.id, "sent");
  expect(sendsOf(later.id)).toHaveLength(1);
}

describe("the outbox worker", () => {
  it("posts the documented request with the inbox's token, stores the wamid and marks the reply sent", async () => {
    await startWorker();
    const conversation = await newConversation();
    const message = await send(conversation.id, "Your order ships today 📦");
    expect(message.status).toBe("queued");

    await untilStatus(message.id, "sent");
    const request = graph.sends()[graph.sentMessageIds().indexOf(message.id)];
    expect(request).toMatchObject({
      method: "POST",
      path: "/v21.0/200000000000002/messages",
      authorization: `Bearer ${graph.token}`,
    });
    expect(request!.body).toEqual(
      textMessageBody({ phoneNumberId: "200000000000002", to: conversation.waId, body: "Your order ships today 📦", callbackData: message.id }),
    );
    expect((await stored(message.id)).wamid).toMatch(/^wamid\./);
    await untilPublished(message.id, "sent");
    expect(statusEvents(message.id)).toEqual(["sent"]);
    expect(await db().read.outboxJob.count({ where: { messageId: message.id } })).toBe(0);
  });

  it("stores one message for a repeated send with the same id", async () => {
    const conversation = await newConversation();
    const id = randomUUID();
    const eventsBefore = await db().read.event.count();
    const [first, second] = await Promise.all([send(conversation.id, "once", id), send(conversation.id, "once", id)]);
    expect(second).toEqual(first);
    expect(await db().read.message.count({ where: { id } })).toBe(1);
    expect(await db().read.outboxJob.count({ where: { messageId: id } })).toBe(1);
    expect(await db().read.event.count()).toBe(eventsBefore + 1);

    const other = await newConversation();
    await expect(send(other.id, "once", id)).rejects.toThrow(/another message/);
  });

  it("retries a 500 and sends the reply once", async () => {
    await startWorker();
    const conversation = await newConversation();
    graph.script({ status: 500, body: errorReply(131000, "Something went wrong"), to: conversation.waId });
    const message = await send(conversation.id, "retry me");
    await untilStatus(message.id, "sent");
    expect(sendsOf(message.id)).toHaveLength(2);
    await untilPublished(message.id, "sent");
    expect(statusEvents(message.id)).toEqual(["sent"]);
  });

  it("marks a permanent error failed with a readable reason, without retrying, and Retry sends it again", async () => {
    await startWorker();
    const conversation = await newConversation();
    graph.script({
      status: 400,
      body: errorReply(131047, "Re-engagement message", "Message failed to send because more than 24 hours have passed."),
      to: conversation.waId,
    });
    const message = await send(conversation.id, "too late");
    await untilStatus(message.id, "failed");
    const failed = await stored(message.id);
    expect(englishOf(failed.statusReason!)).toMatch(/More than 24 hours have passed since the customer last wrote.*\(131047\)/);
    expect(sendsOf(message.id)).toHaveLength(1);

    const retried = await retryMessage(admin, message.id);
    expect(retried.status).toBe("queued");
    await untilStatus(message.id, "sent");
    expect(sendsOf(message.id)).toHaveLength(2);
    expect(published.some(({ event }) => event.type === "message.updated" && event.message.id === message.id)).toBe(true);
  });

  it("gives up after the last attempt of a transient failure", async () => {
    await startWorker();
    const conversation = await newConversation();
    const tooMany = { status: 429, body: errorReply(130429, "Rate limit hit"), to: conversation.waId };
    graph.script(tooMany, tooMany, tooMany);
    const message = await send(conversation.id, "busy");
    await untilStatus(message.id, "failed");
    expect(englishOf((await stored(message.id)).statusReason!)).toBe("Gave up after 3 attempts: Rate limit hit (130429)");
    expect(sendsOf(message.id)).toHaveLength(3);
  });

  it("sends a conversation's replies in the order they were written, even when the first is retried", async () => {
    const conversation = await newConversation();
    graph.script({ status: 503, body: errorReply(2, "Service temporarily unavailable"), to: conversation.waId });
    const first = await send(conversation.id, "first");
    const second = await send(conversation.id, "second");
    await startWorker();
    await untilStatus(second.id, "sent");
    const order = graph.sentMessageIds().filter((id) => id === first.id || id === second.id);
    expect(order).toEqual([first.id, first.id, second.id]);
  });

  it("applies a status that overtook the send response once the wamid is known", async () => {
    const conversation = await newConversation();
    const wamid = `wamid.OVERTAKEN${Date.now()}`;
    // WhatsApp's answer is held until the status webhook has come in; the worker waits for it.
    const answer = gate();
    graph.script({ status: 200, body: acceptedReply(conversation.waId, wamid), until: answer.opened, to: conversation.waId });
    await startWorker({ requestTimeoutMs: 30_000 });
    const message = await send(conversation.id, "fast customer");
    await waitFor(() => sendsOf(message.id).length === 1, "the send to start");
    const result = await ingest(statusUpdate(wamid, "delivered"));
    expect(result.statusesPending).toBe(1);
    answer.open();

    await untilStatus(message.id, "delivered");
    await untilPublished(message.id, "delivered");
    expect(statusEvents(message.id)).toEqual(["sent", "delivered"]);
    expect(await db().read.pendingStatus.count({ where: { wamid } })).toBe(0);
  });

  it("never sends again a reply whose send got no answer, and takes WhatsApp's later word for it", async () => {
    const conversation = await newConversation();
    const wamid = `wamid.SLOW${Date.now()}`;
    graph.script({
      status: 200,
      body: acceptedReply(conversation.waId, wamid),
      delayMs: options.requestTimeoutMs + 500,
      to: conversation.waId,
    });
    await startWorker();
    const message = await send(conversation.id, "into the void");
    await untilStatus(message.id, "failed");
    expect(englishOf((await stored(message.id)).statusReason!)).toMatch(/^No answer from WhatsApp \(\w+\), so it may or may not have reached the customer/);
    await sendLaterReplyThrough(conversation.id);
    expect(sendsOf(message.id)).toHaveLength(1);

    // WhatsApp did send it: its status webhook names our message by the callback data.
    await ingest(statusUpdate(wamid, "delivered", { callbackData: message.id }));
    const confirmed = await stored(message.id);
    expect(confirmed).toMatchObject({ status: "delivered", wamid, statusReason: null });
    expect(await db().read.outboxJob.count({ where: { messageId: message.id } })).toBe(0);
  });

  it("after a restart, completes a send under way that WhatsApp's status webhook already confirmed", async () => {
    const conversation = await newConversation();
    const message = await send(conversation.id, "confirmed before the crash");
    expect(await claimJob(message.id, 60_000)).not.toBeNull();
    // The "sent" webhook, naming our message by its callback data, came before the send's answer…
    const wamid = `wamid.CONFIRMED${Date.now()}`;
    await ingest(statusUpdate(wamid, "sent", { callbackData: message.id }));
    // …and then the server stopped before recording that answer.
    await startWorker();
    expect(await stored(message.id)).toMatchObject({ status: "sent", wamid, statusReason: null });
    expect(await db().read.outboxJob.count({ where: { messageId: message.id } })).toBe(0);
  });

  it("leaves a send under another worker's lease alone, and takes one whose lease ran out for abandoned", async () => {
    const conversation = await newConversation();
    const other = await newConversation();
    const live = await send(conversation.id, "under a live lease");
    const abandoned = await send(other.id, "under an expired lease");
    expect(await claimJob(live.id, 60_000)).not.toBeNull();
    expect(await claimJob(abandoned.id, 1)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // What another worker does on each poll (on PostgreSQL): only the expired lease counts.
    expect(await markAbandonedInDoubt(false)).toBe(1);
    expect(await db().read.outboxJob.findUnique({ where: { messageId: live.id } })).toMatchObject({ state: "sending" });
    expect(await db().read.outboxJob.findUnique({ where: { messageId: abandoned.id } })).toMatchObject({ state: "in_doubt" });
    expect((await stored(abandoned.id)).status).toBe("failed");
    expect((await stored(live.id)).status).toBe("queued");
    await markAbandonedInDoubt(true);
  });

  it("after a restart, marks a send that was under way as in doubt instead of sending it again", async () => {
    const conversation = await newConversation();
    const message = await send(conversation.id, "interrupted");
    // The state a server killed mid-call leaves: the attempt recorded, no outcome.
    expect(await claimJob(message.id, 60_000)).not.toBeNull();
    await startWorker();
    const failed = await stored(message.id);
    expect(failed.status).toBe("failed");
    expect(englishOf(failed.statusReason!)).toMatch(/interrupted/);
    await sendLaterReplyThrough(conversation.id);
    expect(sendsOf(message.id)).toHaveLength(0);
  });
});
