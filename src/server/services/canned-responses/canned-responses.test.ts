// The canned-response service in-process against a real SQLite file: which responses each user
// lists and is offered in a conversation, and that every change's event is seen, by the one
// visibility rule (canSeeEvent), by exactly those who may use the response.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../../../../testing/temp-db";
import { textMessage } from "../../../../testing/webhook";

const database = createTempDatabase();
const { db } = await import("../../db/client");
const { bootstrap } = await import("../../bootstrap");
const { ingestDelivery } = await import("../../whatsapp/ingest");
const { ZWebhookPayload } = await import("../../whatsapp/payload");
const { canSeeEvent, loadAccess } = await import("../access");
const { cannedResponsesFor, createOwn, createShared, deleteShared, listCannedResponses, updateShared } = await import("./index");

const SALES_NUMBER = "200000000000088";
type User = { id: string; email: string; name: string; role: "admin" | "agent" };
let admin: User;
let agent: User; // the demo agent: a member of the default inbox, not of Sales
let supportInboxId: string;

const access = (user: User) => loadAccess(user);
const shortcuts = async (user: User) => (await listCannedResponses(await access(user))).map((response) => response.shortcut);

/** The canned_responses.changed events after `afterId` that `user` may see. */
async function changesSeenBy(user: User, afterId: number): Promise<number> {
  const rows = await db().read.event.findMany({ where: { id: { gt: afterId }, type: "canned_responses.changed" } });
  const mine = await access(user);
  return rows.filter((row) => canSeeEvent(mine, row)).length;
}
const lastEventId = async () => (await db().read.event.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0;

beforeAll(async () => {
  await bootstrap();
  const rows = await db().read.user.findMany();
  const asUser = (email: string): User => {
    const row = rows.find((candidate) => candidate.email === email)!;
    return { id: row.id, email: row.email, name: row.name, role: row.role === "admin" ? "admin" : "agent" };
  };
  admin = asUser("admin@example.com");
  agent = asUser("agent@example.com");
  supportInboxId = (await db().read.inbox.findFirstOrThrow()).id;
  await db().transaction((tx) => tx.inbox.create({ data: { id: "inbox-sales", name: "Sales", phoneNumberId: SALES_NUMBER } }));
});
afterAll(() => fs.rmSync(database.dir, { recursive: true, force: true }));

describe("canned responses", () => {
  it("list and offer what each user may use, and tell exactly them of each change", async () => {
    const before = await lastEventId();
    await createShared({ shortcut: "hello", body: "Hello {{contact.first_name}}", inboxId: null });
    const afterEveryone = await lastEventId();
    await createShared({ shortcut: "quote", body: "Your quote", inboxId: "inbox-sales" });
    const afterSales = await lastEventId();
    await createShared({ shortcut: "refund", body: "{{agent.name}} at {{inbox.name}}", inboxId: supportInboxId });
    await createOwn(await access(agent), { shortcut: "mine", body: "Mine" });
    await createOwn(await access(admin), { shortcut: "boss", body: "The admin's own" });

    expect(await shortcuts(agent)).toEqual(["hello", "mine", "refund"]);
    expect(await shortcuts(admin)).toEqual(["boss", "hello", "quote", "refund"]);

    // For everyone: each active user is told; for Sales: not the agent; one's own: oneself.
    expect(await changesSeenBy(agent, before)).toBe(3); // hello, refund, mine
    expect(await changesSeenBy(admin, before)).toBe(4); // hello, quote, refund, boss
    expect(await changesSeenBy(agent, afterEveryone)).toBe(2);
    expect(await changesSeenBy(agent, afterSales)).toBe(2);

    const payload = textMessage({ text: "hi", name: "Grace Hopper", from: "15550003333" });
    await ingestDelivery(ZWebhookPayload.parse(payload));
    const conversation = await db().read.conversation.findFirstOrThrow({ where: { inboxId: supportInboxId, contact: { waId: "15550003333" } } });
    const offered = await cannedResponsesFor(await access(admin), admin.name, conversation.id);
    expect(offered.responses.map((response) => response.shortcut)).toEqual(["boss", "hello", "refund"]);
    expect(offered.values).toEqual({ contactName: "Grace Hopper", agentName: admin.name, inboxName: expect.any(String) });
  });

  it("moves a shared one between inboxes, and removes it, telling both places", async () => {
    const quote = (await listCannedResponses(await access(admin))).find((response) => response.shortcut === "quote")!;
    const before = await lastEventId();
    await updateShared({ id: quote.id, shortcut: "quote", body: "Your quote", inboxId: supportInboxId });
    expect(await shortcuts(agent)).toContain("quote");
    expect(await changesSeenBy(agent, before)).toBe(1);
    const beforeDelete = await lastEventId();
    await deleteShared(quote.id);
    expect(await shortcuts(agent)).not.toContain("quote");
    expect(await changesSeenBy(agent, beforeDelete)).toBe(1);
    await expect(deleteShared(quote.id)).rejects.toThrow("Canned response not found");
  });
});
