// The one visibility rule, in-process against a real SQLite file: admins see every conversation,
// agents the conversations of their inboxes; the list, the history, the procedures that change a
// conversation and the live stream (replayed and live events) all agree, and a change of
// membership reaches an open stream without a reconnect.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../../../testing/temp-db";
import { textMessage } from "../../../testing/webhook";
import type { TLoggedEvent } from "@/shared/events";
import { expandTrackedEvent } from "@/shared/event-wire";
import { said } from "@/shared/server-text";
import type { SessionUser } from "../auth/session-user";

const database = createTempDatabase();
const { db } = await import("../db/client");
const { bootstrap } = await import("../bootstrap");
const { writeWithEvents } = await import("../events/log");
const { TEAM_WIDE } = await import("../events/record");
const { ingestDelivery } = await import("../whatsapp/ingest");
const { ZWebhookPayload } = await import("../whatsapp/payload");
const { canSeeEvent, findVisibleConversation, loadAccess } = await import("./access");
const { listConversations, listMessages, markRead, getConversation } = await import("./conversations/read");
const { assignConversation, setConversationStatus, listAssignees } = await import("./conversations/assignment");
const { sendMessage } = await import("./outbound/replies");
const { addNote } = await import("./conversations/notes");
const { streamEvents, latestEventId } = await import("./event-stream");
const { NotFoundError } = await import("./errors");

const SALES_NUMBER = "200000000000077";
let admin: SessionUser;
let agent: SessionUser; // the demo agent, a member of the default inbox
let salesAgent: SessionUser; // a member of the sales inbox only
let supportInboxId: string;
let salesInboxId: string;
let supportConversation: string;
let salesConversation: string;

async function ingest(text: string, phoneNumberId?: string, from = "15550001111"): Promise<string> {
  const payload = textMessage({ text, phoneNumberId, from });
  await ingestDelivery(ZWebhookPayload.parse(payload));
  const wamid = (payload.entry[0]!.changes[0]!.value as { messages: { id: string }[] }).messages[0]!.id;
  return (await db().read.message.findUniqueOrThrow({ where: { wamid } })).conversationId;
}

const asSessionUser = (row: { id: string; email: string; name: string; role: string }): SessionUser => ({
  ...row,
  role: row.role === "admin" ? "admin" : "agent",
});

/** Changes membership the way the admin pages do: the change and access.changed in one transaction. */
async function setMembership(userId: string, inboxId: string, member: boolean) {
  await writeWithEvents(async (tx, record) => {
    if (member) await tx.inboxMember.create({ data: { userId, inboxId } });
    else await tx.inboxMember.delete({ where: { inboxId_userId: { inboxId, userId } } });
    await record({ inboxId: null, conversationId: null, userId }, { type: "access.changed", userId });
  });
}

/** Collects what a user's stream delivers until stopped. */
function collect(user: SessionUser, lastEventId: string | null) {
  const controller = new AbortController();
  const events: TLoggedEvent[] = [];
  const done = (async () => {
    for await (const event of streamEvents(await loadAccess(user), lastEventId, controller.signal)) events.push(expandTrackedEvent(event));
  })();
  return {
    events,
    async settle() {
      // The stream is in-process: a few turns of the event loop deliver what was published.
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    async stop() {
      controller.abort();
      await done;
    },
  };
}

const conversationOf = (event: TLoggedEvent): string | null =>
  "conversation" in event ? event.conversation.id : "conversationId" in event ? event.conversationId : null;

beforeAll(async () => {
  await bootstrap();
  const rows = await db().read.user.findMany();
  admin = asSessionUser(rows.find((row) => row.email === "admin@example.com")!);
  agent = asSessionUser(rows.find((row) => row.email === "agent@example.com")!);
  supportInboxId = (await db().read.inbox.findFirstOrThrow()).id;
  salesInboxId = "inbox-sales";
  const other = await db().transaction(async (tx) => {
    await tx.inbox.create({ data: { id: salesInboxId, name: "Sales", phoneNumberId: SALES_NUMBER } });
    const user = await tx.user.create({
      data: { id: "user-sam", email: "sam@example.com", name: "Sam Sales", passwordHash: "not-used", role: "agent" },
    });
    await tx.inboxMember.create({ data: { userId: user.id, inboxId: salesInboxId } });
    return user;
  });
  salesAgent = asSessionUser(other);
  supportConversation = await ingest("support question");
  salesConversation = await ingest("sales question", SALES_NUMBER, "15550002222");
});
afterAll(() => fs.rmSync(database.dir, { recursive: true, force: true }));

describe("the visibility rule", () => {
  it("lets admins see every conversation and agents those of their inboxes", async () => {
    const ids = async (user: SessionUser) =>
      (await listConversations(await loadAccess(user), { view: "all", status: "all" })).items.map((item) => item.id).sort();
    expect(await ids(admin)).toEqual([supportConversation, salesConversation].sort());
    expect(await ids(agent)).toEqual([supportConversation]);
    expect(await ids(salesAgent)).toEqual([salesConversation]);
  });

  it("decides events by inbox, and user-addressed events for that user only", async () => {
    const access = await loadAccess(salesAgent);
    expect(canSeeEvent(access, { inboxId: salesInboxId, userId: null })).toBe(true);
    expect(canSeeEvent(access, { inboxId: "some-other-inbox", userId: null })).toBe(false);
    expect(canSeeEvent(access, { inboxId: salesInboxId, userId: agent.id })).toBe(false);
    expect(canSeeEvent(access, { inboxId: null, userId: salesAgent.id })).toBe(true);
    expect(canSeeEvent(access, { inboxId: null, userId: null })).toBe(false);
    expect(canSeeEvent(await loadAccess(admin), { inboxId: null, userId: null })).toBe(true);
  });

  it("answers 'not found' to every read and change of a conversation the agent may not see", async () => {
    const access = await loadAccess(salesAgent);
    const id = supportConversation;
    const refusals = [
      findVisibleConversation(access, id).then((row) => (row ? "found" : Promise.reject(new NotFoundError(said("conversationNotFound"))))),
      getConversation(access, id),
      listMessages(access, id, { limit: 50 }),
      markRead(access, id, "9"),
      sendMessage(access, { conversationId: id, id: crypto.randomUUID(), body: "hi" }),
      addNote(access, { conversationId: id, id: crypto.randomUUID(), body: "psst" }),
      assignConversation(salesAgent, access, id, salesAgent.id),
      setConversationStatus(access, id, "resolved"),
      listAssignees(access, id),
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().read.message.count({ where: { conversationId: id, direction: { not: "inbound" } } })).toBe(0);
  });

  it("never streams an event of a conversation the agent may not see, replayed or live", async () => {
    const replayed = collect(salesAgent, "0");
    const live = collect(salesAgent, String(await latestEventId()));
    await replayed.settle();
    await live.settle();
    await ingest("another support question");
    await ingest("another sales question", SALES_NUMBER, "15550002222");
    await assignConversation(admin, await loadAccess(admin), supportConversation, agent.id);
    await setConversationStatus(await loadAccess(admin), supportConversation, "pending");
    await addNote(await loadAccess(admin), { conversationId: supportConversation, id: crypto.randomUUID(), body: "VIP" });
    await markRead(await loadAccess(agent), supportConversation, "99999999999999");
    await replayed.settle();
    await live.settle();
    await Promise.all([replayed.stop(), live.stop()]);

    for (const events of [replayed.events, live.events]) {
      expect(events.length).toBeGreaterThan(0);
      expect(new Set(events.map(conversationOf))).toEqual(new Set([salesConversation]));
    }
    expect(live.events.map((event) => event.type)).toEqual(["message.created"]);
  });

  it("applies a change of membership to an open stream at once, without a reconnect", async () => {
    const stream = collect(salesAgent, String(await latestEventId()));
    await stream.settle();
    await setMembership(salesAgent.id, supportInboxId, true);
    await ingest("support, now visible to Sam");
    await setMembership(salesAgent.id, supportInboxId, false);
    await ingest("support, hidden from Sam again");
    await stream.settle();
    await stream.stop();

    const seen = stream.events.map((event) => (event.type === "message.created" ? event.message.body : event.type));
    expect(seen).toEqual(["access.changed", "support, now visible to Sam", "access.changed"]);
  });

  it("ends a deactivated user's stream", async () => {
    const stream = collect(salesAgent, String(await latestEventId()));
    await stream.settle();
    await writeWithEvents(async (tx, record) => {
      await tx.user.update({ where: { id: salesAgent.id }, data: { active: false } });
      await record({ inboxId: null, conversationId: null, userId: salesAgent.id }, { type: "access.changed", userId: salesAgent.id });
    });
    await ingest("after deactivation", SALES_NUMBER, "15550002222");
    await stream.settle();
    // The stream ended by itself: stop() has nothing left to wait for.
    await stream.stop();
    expect(stream.events.map((event) => event.type)).toEqual([]);
    await db().transaction((tx) => tx.user.update({ where: { id: salesAgent.id }, data: { active: true } }));
  });

  it("delivers one team-wide event to every signed-in user, live and replayed", async () => {
    const before = String(await latestEventId());
    // Nina belongs to no inbox: no inbox's event reaches her, one for the whole team does.
    const newcomer = asSessionUser(
      await db().transaction((tx) =>
        tx.user.create({ data: { id: "user-nina", email: "nina@example.com", name: "Nina New", passwordHash: "not-used", role: "agent" } }),
      ),
    );
    const people = [admin, salesAgent, newcomer];
    for (const user of people) expect(canSeeEvent(await loadAccess(user), { inboxId: null, userId: null, team: true })).toBe(true);

    const live = people.map((user) => collect(user, before));
    for (const stream of live) await stream.settle();
    await writeWithEvents((_tx, record) => record(TEAM_WIDE, { type: "canned_responses.changed" }));
    const replayed = people.map((user) => collect(user, before));
    const streams = [...live, ...replayed];
    for (const stream of streams) await stream.settle();
    await Promise.all(streams.map((stream) => stream.stop()));

    for (const stream of streams) expect(stream.events.map((event) => event.type)).toEqual(["canned_responses.changed"]);
    expect(await db().read.event.count({ where: { id: { gt: Number(before) } } })).toBe(1);
  });
});
