// The conversation list in pages, over real HTTP and tRPC against the real server: every page
// together is the whole list, in order, once, for an admin and for an agent who sees one inbox; a
// conversation that moves to the top while someone pages is not lost (the live event brings it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectFromNow } from "../../../../testing/live";
import { seedConversations } from "../../../../testing/many-conversations";
import { startServer, type RunningServer } from "../../../../testing/server";
import { signIn } from "../../../../testing/session";
import { connect } from "../../../../testing/trpc";
import { postWebhook, textMessage } from "../../../../testing/webhook";
import type { TConversationFilter } from "@/shared/conversation-filter";
import type { TConversationListItem } from "@/shared/dto";

const IN_AGENTS_INBOX = 70;
const ELSEWHERE = 45;
const OTHER_NUMBER = "300000000000777";
const PAGE = 20;

let server: RunningServer;
let admin: ReturnType<typeof connect>;
let agent: ReturnType<typeof connect>;
let agentsCustomers: string[];
let otherCustomers: string[];

beforeAll(async () => {
  server = await startServer();
  admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
  agent = connect(server.url, { cookie: await signIn(server.url, "agent@example.com", "agent") });
  await admin.client.admin.inboxes.create.mutate({ name: "Elsewhere", phoneNumberId: OTHER_NUMBER });
  // Interleaved in time, so each inbox's conversations are spread over the whole list.
  agentsCustomers = await seedConversations(server.url, server.appSecret, { count: IN_AGENTS_INBOX, numberPrefix: "1555070", secondsAgo: 600 });
  otherCustomers = await seedConversations(server.url, server.appSecret, {
    count: ELSEWHERE,
    numberPrefix: "1555080",
    phoneNumberId: OTHER_NUMBER,
    secondsAgo: 630,
  });
}, 120_000);
afterAll(async () => {
  admin?.close();
  agent?.close();
  await server?.stop();
});

type Client = typeof admin;

/** Every page of a list, in order, as the client asks for them. */
async function allPages(client: Client, filter: Partial<TConversationFilter> = {}, between?: (pageIndex: number) => Promise<void>) {
  const pages: TConversationListItem[][] = [];
  let cursor: string | null = null;
  do {
    const page: { items: TConversationListItem[]; nextCursor: string | null } = await client.client.conversation.list.query({ ...filter, cursor, limit: PAGE });
    pages.push(page.items);
    cursor = page.nextCursor;
    await between?.(pages.length - 1);
  } while (cursor);
  return pages;
}

const numbers = (items: TConversationListItem[]) => items.map((item) => item.contact.waId);

/** Newest message first, ties by id: the order the cursor continues. */
function expectListOrder(items: TConversationListItem[]) {
  for (let index = 1; index < items.length; index++) {
    const [before, after] = [items[index - 1]!, items[index]!];
    expect(before.lastMessageKey > after.lastMessageKey || (before.lastMessageKey === after.lastMessageKey && before.id > after.id)).toBe(true);
  }
}

describe("the conversation list in pages", () => {
  it("gives an admin every conversation once, in order, over several pages", async () => {
    const pages = await allPages(admin);
    expect(pages.length).toBe(Math.ceil((IN_AGENTS_INBOX + ELSEWHERE) / PAGE));
    expect(pages.slice(0, -1).every((page) => page.length === PAGE)).toBe(true);
    const items = pages.flat();
    expect(new Set(numbers(items)).size).toBe(items.length);
    expect(new Set(numbers(items))).toEqual(new Set([...agentsCustomers, ...otherCustomers]));
    expectListOrder(items);
    // The same list as one page of everything.
    const whole = await admin.client.conversation.list.query({ limit: 200 });
    expect(whole.nextCursor).toBeNull();
    expect(numbers(items)).toEqual(numbers(whole.items));
  });

  it("gives an agent only their inbox's conversations, all of them, once, in order", async () => {
    const items = (await allPages(agent)).flat();
    expect(numbers(items).toSorted()).toEqual(agentsCustomers.toSorted());
    expectListOrder(items);
  });

  it("applies the filters to every page: Mine, Unassigned and a status", async () => {
    const before = (await allPages(agent)).flat();
    const taken = before.filter((_, index) => index % 3 === 0);
    const agentId = (await admin.client.admin.people.list.query()).find((person) => person.email === "agent@example.com")!.id;
    for (const conversation of taken) await agent.client.conversation.assign.mutate({ conversationId: conversation.id, assigneeId: agentId });
    const resolved = before.filter((_, index) => index % 4 === 1);
    for (const conversation of resolved) await agent.client.conversation.setStatus.mutate({ conversationId: conversation.id, status: "resolved" });

    const mine = (await allPages(agent, { view: "mine" })).flat();
    expect(numbers(mine).toSorted()).toEqual(numbers(taken).toSorted());
    expectListOrder(mine);
    const unassigned = (await allPages(agent, { view: "unassigned" })).flat();
    expect(numbers(unassigned).toSorted()).toEqual(numbers(before.filter((item) => !taken.includes(item))).toSorted());
    const resolvedPages = await allPages(admin, { status: "resolved" });
    expect(numbers(resolvedPages.flat()).toSorted()).toEqual(numbers(resolved).toSorted());
    const open = (await allPages(agent, { view: "unassigned", status: "open" })).flat();
    expect(numbers(open).toSorted()).toEqual(numbers(before.filter((item) => !taken.includes(item) && !resolved.includes(item))).toSorted());
    expectListOrder(open);
  });

  it("loses no conversation that moves to the top while the list is paged: the live event brings it", async () => {
    const live = await collectFromNow(admin);
    const seen: TConversationListItem[] = [];
    const full = numbers((await admin.client.conversation.list.query({ limit: 200 })).items);
    const fromFirstPage = full[3]!; // already loaded when it moves
    const fromLastPage = full.at(-2)!; // not loaded yet when it moves
    const pages = await allPages(admin, {}, async (pageIndex) => {
      if (pageIndex !== 0) return;
      for (const from of [fromFirstPage, fromLastPage]) {
        const phoneNumberId = otherCustomers.includes(from) ? OTHER_NUMBER : undefined;
        expect((await postWebhook(server.url, server.appSecret, textMessage({ from, text: "moving up", phoneNumberId }))).status).toBe(200);
      }
    });
    seen.push(...pages.flat());
    // Neither comes twice, and the one that had not been loaded is not on a later page: it moved
    // above the cursor. The client has it anyway: the live event puts it at the top of its list.
    expect(new Set(numbers(seen)).size).toBe(seen.length);
    expect(numbers(seen)).not.toContain(fromLastPage);
    await live.waitForCount(2);
    const moved = live.events.flatMap((event) => (event.type === "message.created" ? [event.conversation.contact.waId] : []));
    expect(moved).toEqual([fromFirstPage, fromLastPage]);
    expect(new Set([...numbers(seen), ...moved])).toEqual(new Set(full));
    // Asked again, the list has both at the top.
    expect(numbers((await admin.client.conversation.list.query({ limit: 2 })).items)).toEqual([fromLastPage, fromFirstPage]);
    live.unsubscribe();
  });

  it("refuses a cursor it did not give out, and pages over its bound", async () => {
    await expect(admin.client.conversation.list.query({ cursor: "bm90IGEgY3Vyc29y" })).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
    await expect(admin.client.conversation.list.query({ limit: 201 })).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
  });
});
