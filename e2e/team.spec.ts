// The team at work, with an admin and an agent in two browser contexts: assignment and status
// moving conversations between the filtered lists live, private notes, the unread total in the tab
// title, and an agent kept out of a conversation of an inbox they are not in — page and socket.
import type { Page } from "@playwright/test";
import { addInbox, conversationIdOf } from "../testing/seed-db";
import { signIn } from "../testing/session";
import { connect } from "../testing/trpc";
import { postWebhook, textMessage } from "../testing/webhook";
import { expect, test } from "./fixtures";
import { conversationLink, messageItem, openConversation } from "./inbox-page";

const ADMIN = ["admin@example.com", "admin"] as const;
const AGENT = ["agent@example.com", "agent"] as const;

const filterButton = (page: Page, name: "Mine" | "Unassigned" | "All") =>
  page.getByRole("group", { name: "Assigned to" }).getByRole("button", { name: new RegExp(`^${name}`) });

/** The number a filter button shows, once the counts have loaded. */
async function countOn(page: Page, name: "Mine" | "Unassigned" | "All"): Promise<number> {
  await expect(filterButton(page, name)).toHaveText(/\d/);
  const text = (await filterButton(page, name).textContent()) ?? "";
  return Number(text.replace(/\D/g, ""));
}

/** The unread total in the tab title, "(3) Switchboard"; 0 without one. */
async function titleCount(page: Page): Promise<number> {
  const match = /^\((\d+)\)/.exec(await page.title());
  return match ? Number(match[1]) : 0;
}

test("an admin assigns a conversation and it appears under the agent's Mine without a reload", async ({
  signedInPage,
  sendWebhook,
  uniquePhone,
}) => {
  const from = uniquePhone();
  await sendWebhook({ from, name: "Mina Assign", text: "Who can help me?" });

  const agent = await signedInPage(...AGENT);
  await agent.goto("/inbox");
  await expect(agent.getByRole("status")).toHaveText("Live");
  await filterButton(agent, "Mine").click();
  await expect(filterButton(agent, "Mine")).toHaveAttribute("aria-pressed", "true");
  await expect(conversationLink(agent, "Mina Assign")).toHaveCount(0);
  const mineBefore = await countOn(agent, "Mine");

  const admin = await signedInPage(...ADMIN);
  await openConversation(admin, "Mina Assign", "Who can help me?");
  await admin.getByRole("combobox", { name: "Assignee" }).selectOption({ label: "Alan Agent" });

  await expect(conversationLink(agent, "Mina Assign")).toBeVisible();
  await expect.poll(() => countOn(agent, "Mine")).toBe(mineBefore + 1);

  // Resolved, it leaves the agent's list of open conversations, live as well.
  await admin.getByRole("combobox", { name: "Conversation status" }).selectOption("resolved");
  await expect(conversationLink(agent, "Mina Assign")).toHaveCount(0);
  await expect.poll(() => countOn(agent, "Mine")).toBe(mineBefore);

  // The customer writing again reopens it, and it is back under Mine.
  await sendWebhook({ from, name: "Mina Assign", text: "One more thing" });
  await expect(conversationLink(agent, "Mina Assign")).toBeVisible();
  await expect(admin.getByRole("combobox", { name: "Conversation status" })).toHaveValue("open");
});

test("an agent takes an unassigned conversation and lets go of it", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  await sendWebhook({ from: uniquePhone(), name: "Tara Take", text: "Anyone there?" });
  const agent = await signedInPage(...AGENT);
  await openConversation(agent, "Tara Take", "Anyone there?");
  await filterButton(agent, "Unassigned").click();
  await expect(conversationLink(agent, "Tara Take")).toBeVisible();

  await agent.getByRole("button", { name: "Assign to me" }).click();
  await expect(agent.getByText("Assigned to you")).toBeVisible();
  await expect(conversationLink(agent, "Tara Take")).toHaveCount(0);
  await filterButton(agent, "Mine").click();
  await expect(conversationLink(agent, "Tara Take")).toBeVisible();

  await agent.getByRole("button", { name: "Unassign", exact: true }).click();
  await expect(agent.getByRole("button", { name: "Assign to me" })).toBeVisible();
  await expect(conversationLink(agent, "Tara Take")).toHaveCount(0);
});

test("a private note shows live to the other agent, marked as such, and never goes to WhatsApp", async ({
  signedInPage,
  sendWebhook,
  uniquePhone,
  graph,
}) => {
  await sendWebhook({ from: uniquePhone(), name: "Nora Note", text: "My order is late" });
  const admin = await signedInPage(...ADMIN);
  const agent = await signedInPage(...AGENT);
  await openConversation(admin, "Nora Note", "My order is late");
  await openConversation(agent, "Nora Note", "My order is late");

  await agent.getByRole("button", { name: "Private note" }).click();
  const noteBox = agent.getByRole("textbox", { name: "Private note" });
  await noteBox.fill("Customer is a VIP, refund without asking");
  await agent.getByRole("button", { name: "Add note" }).click();
  await expect(noteBox).toHaveValue("");

  for (const page of [agent, admin]) {
    const note = messageItem(page, "Customer is a VIP");
    await expect(note).toContainText("Private note · Alan Agent");
    await expect(note.getByRole("img", { name: /^Status:/ })).toHaveCount(0);
  }
  // The list's preview is what the customer sees, not the note: in the writer's tab too.
  for (const page of [agent, admin]) await expect(conversationLink(page, "Nora Note")).toContainText("My order is late");
  await admin.waitForTimeout(1_000);
  expect(graph.sentTexts()).not.toContain("Customer is a VIP, refund without asking");
});

test("the unread total in the tab title follows every tab of the agent", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const first = await signedInPage(...AGENT);
  const second = await first.context().newPage();
  for (const page of [first, second]) {
    await page.goto("/inbox");
    await expect(page.getByRole("status")).toHaveText("Live");
  }
  // The counts (and with them the title) have loaded once the filters show numbers.
  await countOn(second, "All");
  const before = await titleCount(second);

  await sendWebhook({ from: uniquePhone(), name: "Umar Unread", text: "Hello, unread one" });
  await sendWebhook({ from: uniquePhone(), name: "Umar Unread Two", text: "Hello, unread two" });
  for (const page of [first, second]) await expect.poll(() => titleCount(page)).toBe(before + 2);
  await expect(conversationLink(second, "Umar Unread Two").getByLabel("1 unread")).toBeVisible();

  await conversationLink(first, "Umar Unread Two").click();
  await expect(messageItem(first, "Hello, unread two")).toBeVisible();
  await expect.poll(() => titleCount(second)).toBe(before + 1);
  await expect(conversationLink(second, "Umar Unread Two").getByLabel(/unread/)).toHaveCount(0);
});

test("an agent gets 'not found' for a conversation of an inbox they are not in, and their socket never carries it", async ({
  signedInPage,
  server,
  sendWebhook,
  uniquePhone,
}) => {
  const salesNumber = "200000000000555";
  await addInbox(server.databaseUrl, { id: "inbox-sales-e2e", name: "Sales", phoneNumberId: salesNumber });
  const hiddenFrom = uniquePhone();
  const toSales = (text: string) =>
    postWebhook(server.url, server.appSecret, textMessage({ from: hiddenFrom, name: "Hidden Hank", text, phoneNumberId: salesNumber }));
  expect((await toSales("sales only question")).status).toBe(200);
  const hiddenId = await conversationIdOf(server.databaseUrl, hiddenFrom);

  const agent = await signedInPage(...AGENT);
  const frames: string[] = [];
  agent.on("websocket", (socket) => socket.on("framereceived", (frame) => frames.push(String(frame.payload))));
  await agent.goto(`/inbox/${encodeURIComponent(hiddenId)}`);
  await expect(agent.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
  await expect(agent.getByRole("status")).toHaveText("Live");

  // The admin works on it (a message, a note, a status change) while the agent's socket is open…
  const admin = await signedInPage(...ADMIN);
  expect((await toSales("another sales question")).status).toBe(200);
  await openConversation(admin, "Hidden Hank", "another sales question");
  await admin.getByRole("button", { name: "Private note" }).click();
  await admin.getByRole("textbox", { name: "Private note" }).fill("sales note");
  await admin.getByRole("button", { name: "Add note" }).click();
  await admin.getByRole("combobox", { name: "Conversation status" }).selectOption("pending");
  await expect(messageItem(admin, "sales note")).toContainText("Private note");

  // …then something the agent may see arrives, which proves their socket was live all along.
  await sendWebhook({ from: uniquePhone(), name: "Visible Vera", text: "visible to the agent" });
  await expect(conversationLink(agent, "Visible Vera")).toBeVisible();
  expect(frames.some((frame) => frame.includes("visible to the agent"))).toBe(true);
  expect(frames.filter((frame) => frame.includes(hiddenId) || frame.includes("Hidden Hank"))).toEqual([]);
  await expect(conversationLink(agent, "Hidden Hank")).toHaveCount(0);
});

test("an agent removed from an inbox loses its conversation on screen at once, and gets it back when added again, without a reload", async ({
  signedInPage,
  server,
  uniquePhone,
}) => {
  const admin = connect(server.url, { cookie: await signIn(server.url, ...ADMIN) });
  const phoneNumberId = `2000000${String(Date.now()).slice(-8)}`;
  const inbox = await admin.client.admin.inboxes.create.mutate({ name: "Returns", phoneNumberId });
  const agentId = (await admin.client.admin.people.list.query()).find((person) => person.email === AGENT[0])!.id;
  await admin.client.admin.inboxes.setMembers.mutate({ inboxId: inbox.id, userIds: [agentId] });
  const from = uniquePhone();
  const response = await postWebhook(server.url, server.appSecret, textMessage({ from, name: "Rita Returns", text: "Where do I send it back?", phoneNumberId }));
  expect(response.status).toBe(200);

  const agent = await signedInPage(...AGENT);
  await openConversation(agent, "Rita Returns", "Where do I send it back?");
  // A mark on this very page: a reload would lose it.
  await agent.evaluate(() => Object.assign(window, { sameDocument: true }));

  await admin.client.admin.inboxes.setMembers.mutate({ inboxId: inbox.id, userIds: [] });
  await expect(agent.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
  await expect(conversationLink(agent, "Rita Returns")).toHaveCount(0);

  await admin.client.admin.inboxes.setMembers.mutate({ inboxId: inbox.id, userIds: [agentId] });
  await expect(conversationLink(agent, "Rita Returns")).toBeVisible();
  await expect(agent.getByRole("status")).toHaveText("Live");
  expect(await agent.evaluate(() => "sameDocument" in window)).toBe(true);
  await admin.close();
});
