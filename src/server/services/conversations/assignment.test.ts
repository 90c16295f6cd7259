// Assignment, status, the list's filters and counts, and private notes, in-process against a real
// SQLite file: who may assign whom, what each list shows, and what each change writes to the log.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../../../../testing/temp-db";
import { textMessage } from "../../../../testing/webhook";
import type { TConversationFilter } from "@/shared/conversation-filter";
import { ZAppEvent } from "@/shared/events";
import type { SessionUser } from "../../auth/session-user";

const database = createTempDatabase();
const { db } = await import("../../db/client");
const { bootstrap } = await import("../../bootstrap");
const { ingestDelivery } = await import("../../whatsapp/ingest");
const { ZWebhookPayload } = await import("../../whatsapp/payload");
const { loadAccess } = await import("../access");
const { countConversations, listConversations, markRead } = await import("./read");
const { assignConversation, listAssignees, releaseUnseenAssignments, setConversationStatus } = await import("./assignment");
const { writeWithEvents } = await import("../../events/log");
const { addNote } = await import("./notes");
const { ConflictError, ForbiddenError, InvalidRequestError } = await import("../errors");

let admin: SessionUser;
let agent: SessionUser;
let outsider: SessionUser; // an agent of no inbox
let phone = 15550100000;

async function newConversation(text = "hello"): Promise<string> {
  const payload = textMessage({ text, from: String(++phone) });
  await ingestDelivery(ZWebhookPayload.parse(payload));
  const wamid = (payload.entry[0]!.changes[0]!.value as { messages: { id: string }[] }).messages[0]!.id;
  return (await db().read.message.findUniqueOrThrow({ where: { wamid } })).conversationId;
}

async function listed(user: SessionUser, filter: TConversationFilter): Promise<string[]> {
  return (await listConversations(await loadAccess(user), filter)).items.map((item) => item.id);
}

const eventsAfter = async (id: number) =>
  (await db().read.event.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } })).map((row) => row.type);
const lastEventId = async () => (await db().read.event.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0;

beforeAll(async () => {
  await bootstrap();
  const rows = await db().read.user.findMany();
  const asUser = (email: string): SessionUser => {
    const row = rows.find((candidate) => candidate.email === email)!;
    return { id: row.id, email: row.email, name: row.name, role: row.role === "admin" ? "admin" : "agent" };
  };
  admin = asUser("admin@example.com");
  agent = asUser("agent@example.com");
  await db().transaction((tx) =>
    tx.user.create({ data: { id: "user-olga", email: "olga@example.com", name: "Olga Outside", passwordHash: "x", role: "agent" } }),
  );
  outsider = { id: "user-olga", email: "olga@example.com", name: "Olga Outside", role: "agent" };
});
afterAll(() => fs.rmSync(database.dir, { recursive: true, force: true }));

describe("assignment", () => {
  it("lets an agent take an unassigned conversation and let go of it, each change an event", async () => {
    const id = await newConversation();
    const access = await loadAccess(agent);
    const before = await lastEventId();
    const taken = await assignConversation(agent, access, id, agent.id);
    expect(taken).toMatchObject({ assigneeId: agent.id, revision: 1 });
    const released = await assignConversation(agent, access, id, null);
    expect(released).toMatchObject({ assigneeId: null, revision: 2 });
    expect(await eventsAfter(before)).toEqual(["conversation.updated", "conversation.updated"]);
    // Each says who made it (the activity in the log can then name them).
    const rows = await db().read.event.findMany({ where: { id: { gt: before } }, orderBy: { id: "asc" } });
    const payloads = rows.map((row) => ZAppEvent.parse(JSON.parse(row.payload)));
    expect(payloads.map((payload) => (payload.type === "conversation.updated" ? payload.actor : undefined))).toEqual([{ kind: "user", userId: agent.id }, { kind: "user", userId: agent.id }]);
  });

  it("refuses an agent taking a conversation someone else has, or assigning someone else", async () => {
    const id = await newConversation();
    await assignConversation(admin, await loadAccess(admin), id, admin.id);
    const access = await loadAccess(agent);
    await expect(assignConversation(agent, access, id, agent.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(assignConversation(agent, access, id, null)).rejects.toBeInstanceOf(ForbiddenError);
    const other = await newConversation();
    await expect(assignConversation(agent, access, other, admin.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lets an admin assign anyone who can see the inbox, and no one else", async () => {
    const id = await newConversation();
    const access = await loadAccess(admin);
    expect((await listAssignees(access, id)).map((person) => person.name)).toEqual(["Alan Agent", "Ada Admin"].sort());
    await expect(assignConversation(admin, access, id, outsider.id)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(await assignConversation(admin, access, id, agent.id)).toMatchObject({ assigneeId: agent.id });
  });

  it("unassigns what a person may no longer see, and nothing else", async () => {
    const id = await newConversation();
    await assignConversation(agent, await loadAccess(agent), id, agent.id);
    await writeWithEvents((tx, record) => releaseUnseenAssignments(tx, record, agent.id));
    expect(await listed(agent, { view: "mine", status: "all" })).toContain(id);

    await db().transaction((tx) => tx.inboxMember.deleteMany({ where: { userId: agent.id } }));
    await writeWithEvents((tx, record) => releaseUnseenAssignments(tx, record, agent.id));
    expect((await db().read.conversation.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
    const inboxId = (await db().read.inbox.findFirstOrThrow()).id;
    await db().transaction((tx) => tx.inboxMember.create({ data: { userId: agent.id, inboxId } }));
  });
});

describe("status and the filtered lists", () => {
  it("filters by assignee and status, with counts that match the lists", async () => {
    const mine = await newConversation();
    const pending = await newConversation();
    const access = await loadAccess(agent);
    await assignConversation(agent, access, mine, agent.id);
    await setConversationStatus(access, pending, "pending");

    const mineOpen = await listed(agent, { view: "mine", status: "open" });
    expect(mineOpen).toContain(mine);
    expect(mineOpen).not.toContain(pending);
    expect(await listed(agent, { view: "unassigned", status: "pending" })).toEqual([pending]);
    const { counts } = await countConversations(access);
    for (const view of ["mine", "unassigned", "all"] as const) {
      for (const status of ["open", "pending", "resolved"] as const) {
        expect(counts[view][status], `${view}/${status}`).toBe((await listed(agent, { view, status })).length);
      }
    }
  });

  it("reopens a resolved conversation when the customer writes again", async () => {
    const id = await newConversation("first");
    await setConversationStatus(await loadAccess(agent), id, "resolved");
    const contact = await db().read.conversation.findUniqueOrThrow({ where: { id }, include: { contact: true } });
    await ingestDelivery(ZWebhookPayload.parse(textMessage({ text: "again", from: contact.contact.waId })));
    const row = await db().read.conversation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "open", revision: 2 });
    const created = await db().read.event.findFirstOrThrow({ where: { conversationId: id, type: "message.created" }, orderBy: { id: "desc" } });
    expect(JSON.parse(created.payload).conversation).toMatchObject({ status: "open", revision: 2 });
  });

  it("counts unread customer messages per user", async () => {
    const id = await newConversation("unread one");
    const agentAccess = await loadAccess(agent);
    const adminAccess = await loadAccess(admin);
    const before = { agent: (await countConversations(agentAccess)).unread, admin: (await countConversations(adminAccess)).unread };
    const row = await db().read.conversation.findUniqueOrThrow({ where: { id } });
    await markRead(adminAccess, id, row.lastMessageKey);
    expect((await countConversations(adminAccess)).unread).toBe(before.admin - 1);
    expect((await countConversations(agentAccess)).unread).toBe(before.agent);
    expect((await countConversations(await loadAccess(outsider))).unread).toBe(0);
  });
});

describe("private notes", () => {
  it("are stored once per id, with no outbox job and no change to the preview", async () => {
    const id = await newConversation("customer words");
    const access = await loadAccess(agent);
    const noteId = crypto.randomUUID();
    const note = await addNote(access, { conversationId: id, id: noteId, body: "call them tomorrow" });
    expect(note).toMatchObject({ direction: "note", authorName: "Alan Agent", body: "call them tomorrow" });
    expect(await addNote(access, { conversationId: id, id: noteId, body: "call them tomorrow" })).toEqual(note);
    expect(await db().read.outboxJob.count({ where: { messageId: noteId } })).toBe(0);
    expect(await db().read.message.count({ where: { id: noteId } })).toBe(1);
    const row = await db().read.conversation.findUniqueOrThrow({ where: { id } });
    expect(row.lastPreview).toBe("customer words");
  });

  it("refuse an id already used by a reply", async () => {
    const id = await newConversation();
    const replyId = crypto.randomUUID();
    const { sendMessage } = await import("../outbound/replies");
    await sendMessage(await loadAccess(agent), { conversationId: id, id: replyId, body: "a reply" });
    await expect(addNote(await loadAccess(agent), { conversationId: id, id: replyId, body: "a note" })).rejects.toBeInstanceOf(ConflictError);
  });
});
