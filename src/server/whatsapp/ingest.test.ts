// The webhook's storage rules against a real SQLite file, in-process: duplicates, ordering of
// statuses, and all-or-nothing deliveries, with the events each one publishes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../../../testing/temp-db";
import { newWamid, statusUpdate, textMessage } from "../../../testing/webhook";
import { randomUUID } from "node:crypto";
import type { BusEvent } from "../bus";

const database = createTempDatabase();
const { db } = await import("../db/client");
const { bus } = await import("../bus");
const { bootstrap } = await import("../bootstrap");
const { ingestDelivery } = await import("./ingest");
const { ZWebhookPayload } = await import("./payload");
const { sendMessage } = await import("../services/outbound/replies");
const { markAccepted } = await import("../outbox/jobs");

const ingest = (payload: unknown) => ingestDelivery(ZWebhookPayload.parse(payload));

const published: BusEvent[] = [];
const controller = new AbortController();

beforeAll(async () => {
  await bootstrap();
  void (async () => {
    for await (const event of bus().subscribe(controller.signal)) published.push(event);
  })();
});
afterAll(() => controller.abort());

/** A reply as the worker leaves it once WhatsApp accepted it: sent, with its wamid. */
async function sentReply(conversationId: string, wamid: string, body: string): Promise<string> {
  const admin = await db().read.user.findFirstOrThrow({ where: { role: "admin" } });
  const message = await sendMessage({ userId: admin.id, inboxIds: "all" }, { conversationId, id: randomUUID(), body });
  await markAccepted(message.id, wamid);
  return message.id;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("ingesting webhook deliveries", () => {
  it("creates the contact, the conversation and the message, with one event", async () => {
    const before = published.length;
    const result = await ingest(textMessage({ from: "15550000001", name: "Zoë 王", text: "Привет 👋" }));
    await settle();
    expect(result.messagesStored).toBe(1);
    const events = published.slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]!.event).toMatchObject({
      type: "message.created",
      conversation: { contact: { name: "Zoë 王", waId: "15550000001" }, lastPreview: "Привет 👋" },
      message: { body: "Привет 👋", direction: "inbound", status: "received" },
    });
    const stored = await db().read.event.count();
    expect(stored).toBeGreaterThan(0);
  });

  it("changes nothing and publishes nothing for a retried delivery (same wamid)", async () => {
    const payload = textMessage({ from: "15550000002", text: "once" });
    await ingest(payload);
    await settle();
    const messages = await db().read.message.count();
    const events = await db().read.event.count();
    const before = published.length;

    const retry = await ingest(payload);
    await settle();
    expect(retry).toMatchObject({ messagesStored: 0, duplicates: 1 });
    expect(await db().read.message.count()).toBe(messages);
    expect(await db().read.event.count()).toBe(events);
    expect(published.length).toBe(before);
  });

  it("stores an instant and keeps the latest message as the conversation's preview when an older one arrives late", async () => {
    const from = "15550000003";
    await ingest(textMessage({ from, text: "second", timestamp: "1767225700" }));
    await ingest(textMessage({ from, text: "first", timestamp: "1767225600" }));
    const conversation = await db().read.conversation.findFirstOrThrow({ where: { contact: { waId: from } } });
    expect(conversation.lastPreview).toBe("second");
    expect(conversation.lastMessageAt.toISOString()).toBe("2026-01-01T00:01:40.000Z");
    const history = await db().read.message.findMany({ where: { conversationId: conversation.id }, orderBy: { sortKey: "asc" } });
    expect(history.map((message) => message.body)).toEqual(["first", "second"]);
  });

  it("moves a status only forward, keeps a failure's reason, and ends on read in any order", async () => {
    await ingest(textMessage({ from: "15550000004", text: "hi" }));
    const conversation = await db().read.conversation.findFirstOrThrow({ where: { contact: { waId: "15550000004" } } });
    const wamid = newWamid();
    const id = await sentReply(conversation.id, wamid, "reply");

    const before = published.length;
    for (const status of ["read", "delivered", "sent"]) await ingest(statusUpdate(wamid, status));
    await settle();
    expect((await db().read.message.findUniqueOrThrow({ where: { id } })).status).toBe("read");
    const statusEvents = published.slice(before).map((event) => event.event);
    expect(statusEvents).toEqual([expect.objectContaining({ type: "message.status", messageId: id, status: "read" })]);

    const failing = newWamid();
    const failingId = await sentReply(conversation.id, failing, "x");
    await ingest(statusUpdate(failing, "failed", { errors: [{ code: 131047, title: "Re-engagement message", error_data: { details: "More than 24 hours have passed since the customer last replied" } }] }));
    await ingest(statusUpdate(failing, "delivered"));
    const failed = await db().read.message.findUniqueOrThrow({ where: { id: failingId } });
    expect(failed.status).toBe("failed");
    expect(failed.statusReason).toBe("More than 24 hours have passed since the customer last replied (131047)");
  });

  it("keeps a status for a wamid it does not know yet", async () => {
    const result = await ingest(statusUpdate(newWamid(), "delivered"));
    expect(result.statusesPending).toBe(1);
  });

  it("applies a delivery all or nothing: a failure mid-way stores nothing and publishes nothing", async () => {
    // A real constraint failure inside the transaction, on the second message of the delivery.
    const sqlite = (await import("better-sqlite3")).default(database.url.replace("file:", ""));
    sqlite.exec(`CREATE TRIGGER reject_boom BEFORE INSERT ON "Message" WHEN NEW.body = 'boom' BEGIN SELECT RAISE(ABORT, 'boom rejected'); END`);
    sqlite.close();

    const payload = textMessage({ from: "15550000005", name: "Half", text: "fine" });
    const value = payload.entry[0]!.changes[0]!.value as unknown as { messages: Record<string, unknown>[] };
    value.messages.push({ ...value.messages[0], id: newWamid(), text: { body: "boom" } });

    const counts = async () => [await db().read.message.count(), await db().read.contact.count(), await db().read.event.count()];
    const before = await counts();
    const publishedBefore = published.length;
    await expect(ingest(payload)).rejects.toThrow();
    await settle();
    expect(await counts()).toEqual(before);
    expect(published.length).toBe(publishedBefore);
  });

  it("commits concurrent deliveries together, and rolls back only the one that fails", async () => {
    // The trigger from the test above still rejects a body of 'boom'.
    const good = ["one", "two", "three"].map((text) => textMessage({ from: "15550000006", name: "Group", text: `group ${text}` }));
    const bad = textMessage({ from: "15550000007", name: "Group", text: "boom" });
    const eventsBefore = await db().read.event.count();
    const outcomes = await Promise.allSettled([good[0], bad, good[1], good[2]].map((payload) => ingest(payload)));
    await settle();
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    const stored = await db().read.message.findMany({ where: { body: { startsWith: "group " } }, orderBy: { body: "asc" } });
    expect(stored.map((message) => message.body)).toEqual(["group one", "group three", "group two"]);
    expect(await db().read.contact.count({ where: { waId: "15550000007" } })).toBe(0);
    expect(await db().read.event.count()).toBe(eventsBefore + 3);
  });

  it("loses and doubles nothing when the store thread stops under a delivery: the retry stores each message once", async () => {
    const { closeStoreThread } = await import("./store-thread/client");
    const from = "15550000008";
    const payload = textMessage({ from, name: "Stopped", text: "stopped 0" });
    const value = payload.entry[0]!.changes[0]!.value as unknown as { messages: Record<string, unknown>[] };
    for (let n = 1; n < 1000; n++) value.messages.push({ ...value.messages[0], id: newWamid(), text: { body: `stopped ${n}` } });

    const first = ingest(payload).then(
      () => "stored",
      () => "refused",
    );
    // Stop it as a shutdown would, while the thread is storing (a thousand messages take it far
    // longer than this wait): the delivery is refused, so WhatsApp sends it again, or was stored.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await closeStoreThread();
    const outcome = await first;

    const retry = await ingest(payload);
    expect(retry.messagesStored + retry.duplicates).toBe(1000);
    if (outcome === "stored") expect(retry.duplicates).toBe(1000);
    const conversation = await db().read.conversation.findFirstOrThrow({ where: { contact: { waId: from } } });
    const bodies = (await db().read.message.findMany({ where: { conversationId: conversation.id }, select: { body: true } })).map((message) => message.body);
    expect(bodies).toHaveLength(1000);
    expect(new Set(bodies).size).toBe(1000);
    expect(await db().read.event.count({ where: { conversationId: conversation.id, type: "message.created" } })).toBe(1000);
  });
});

describe("statuses that never find their message", () => {
  it("are forgotten after a week", async () => {
    const { forgetStalePendingStatuses } = await import("../messages/stale-statuses");
    const wamid = newWamid();
    await ingest(statusUpdate(wamid, "delivered"));
    expect(await forgetStalePendingStatuses(new Date(Date.now() + 6 * 24 * 3600 * 1000))).toBe(0);
    expect(await forgetStalePendingStatuses(new Date(Date.now() + 8 * 24 * 3600 * 1000))).toBeGreaterThanOrEqual(1);
    expect(await db().read.pendingStatus.count({ where: { wamid } })).toBe(0);
  });
});
