// The live inbox as agents see it: messages appear without a reload in every tab, nothing is lost
// or doubled across a dropped WebSocket, and delivery ticks never go backwards.
import type { Page, WebSocketRoute } from "@playwright/test";
import { acceptedReply } from "../testing/fake-graph";
import { newWamid, postWebhook, statusUpdate } from "../testing/webhook";
import { expect, test } from "./fixtures";

const conversationLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: new RegExp(name) });

test("two signed-in agents both see a webhook message appear without reloading", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const admin = await signedInPage("admin@example.com", "admin");
  const agent = await signedInPage("agent@example.com", "agent");
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Maria Silva", text: "Bom dia" });
  await admin.goto("/inbox");
  await agent.goto("/inbox");
  await conversationLink(agent, "Maria Silva").click();
  await expect(agent.getByRole("log", { name: "Messages" }).getByText("Bom dia")).toBeVisible();
  await expect(admin.getByRole("status")).toHaveText("Live");
  await expect(agent.getByRole("status")).toHaveText("Live");

  await sendWebhook({ from: phone, name: "Maria Silva", text: "Is my order ready? 📦" });
  await expect(conversationLink(admin, "Maria Silva")).toContainText("Is my order ready? 📦");
  await expect(agent.getByRole("log", { name: "Messages" }).getByText("Is my order ready? 📦")).toBeVisible();

  // A new customer appears at the top of both lists, with an unread badge for the admin.
  await sendWebhook({ from: uniquePhone(), name: "山田 太郎", text: "こんにちは" });
  const firstAdminLink = admin.getByRole("navigation", { name: "Conversations" }).getByRole("link").first();
  await expect(firstAdminLink).toContainText("山田 太郎");
  await expect(firstAdminLink.getByLabel("1 unread")).toBeVisible();
  await expect(agent.getByRole("navigation", { name: "Conversations" }).getByRole("link").first()).toContainText("こんにちは");
});

test("a message that arrives while the list is still loading is not lost to the older snapshot", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const page = await signedInPage("agent@example.com", "agent");
  // The list's answer is computed by the server at once but reaches the page only after the live
  // event for a newer message has: the snapshot the page then receives predates that message.
  let snapshotTaken!: () => void;
  const taken = new Promise<void>((resolve) => (snapshotTaken = resolve));
  let deliver!: () => void;
  const delivered = new Promise<void>((resolve) => (deliver = resolve));
  await page.route(/\/api\/trpc\/[^?]*conversation\.list/, async (route) => {
    const response = await route.fetch();
    snapshotTaken();
    await delivered;
    await route.fulfill({ response });
  });
  const frames: string[] = [];
  page.on("websocket", (socket) => socket.on("framereceived", (frame) => frames.push(String(frame.payload))));

  await page.goto("/inbox");
  await taken;
  await sendWebhook({ from: uniquePhone(), name: "Late Lena", text: "Sent while your list loaded" });
  await expect.poll(() => frames.some((frame) => frame.includes("Sent while your list loaded"))).toBe(true);
  deliver();

  await expect(conversationLink(page, "Late Lena")).toContainText("Sent while your list loaded");
});

test("a page whose WebSocket is cut while five webhooks arrive shows all five exactly once after it reconnects", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const page = await signedInPage("agent@example.com", "agent");
  let cut = false;
  let refused = 0;
  const connections: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(/\/api\/trpc-ws/, (socket) => {
    if (cut) {
      // The network is down: the attempt ends before it opens (and Playwright reports only a
      // close, no error, which tRPC's client used to wait on for ever).
      refused++;
      socket.close({ code: 1011, reason: "network down" });
      return;
    }
    connections.push({ page: socket, server: socket.connectToServer() });
  });

  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Cut Tester", text: "before the cut" });
  await page.goto("/inbox");
  await conversationLink(page, "Cut Tester").click();
  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByText("before the cut")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Live");

  cut = true;
  // Both ends go. Playwright passes the page's close on to the server with the same code, and
  // 1006 is not one a page may send, so the server's end is closed separately.
  for (const connection of connections.splice(0)) {
    await connection.page.close({ code: 1006, reason: "cut" });
    await connection.server.close();
  }
  await expect(page.getByRole("status")).toHaveText(/Reconnecting…|Offline/);
  for (let index = 1; index <= 5; index++) await sendWebhook({ from: phone, name: "Cut Tester", text: `missed message ${index}` });
  await expect(log.getByText("missed message 1")).toHaveCount(0);
  // At least one attempt to reconnect fails during the cut, whatever the machine's speed.
  await expect.poll(() => refused).toBeGreaterThan(0);

  cut = false;
  // The next attempt comes when the backoff says (never more than 10 s away).
  await expect(page.getByRole("status")).toHaveText("Live", { timeout: 15_000 });
  for (let index = 1; index <= 5; index++) await expect(log.getByText(`missed message ${index}`, { exact: true })).toHaveCount(1);
  await expect(log.getByText(/^missed message \d$/)).toHaveCount(5);
  await expect(conversationLink(page, "Cut Tester")).toContainText("missed message 5");
});

test("after an outage long enough for its retries to slow down, a page is live within seconds of the network coming back, with what it missed", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const page = await signedInPage("agent@example.com", "agent");
  let attempts = 0;
  const connections: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(/\/api\/trpc-ws/, (socket) => {
    attempts++;
    connections.push({ page: socket, server: socket.connectToServer() });
  });

  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Sleepy Laptop", text: "before the outage" });
  await page.goto("/inbox");
  await conversationLink(page, "Sleepy Laptop").click();
  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByText("before the outage")).toBeVisible();
  const status = page.getByRole("status");
  await expect(status).toHaveText("Live");

  // The network goes, and the connection with it (going offline alone only holds an open
  // socket's messages back). Every attempt to reconnect now fails at once.
  await page.context().setOffline(true);
  for (const connection of connections.splice(0)) {
    await connection.page.close({ code: 1006, reason: "network gone" });
    await connection.server.close();
  }
  await expect(status).toHaveText("Offline");
  for (let index = 1; index <= 3; index++) await sendWebhook({ from: phone, name: "Sleepy Laptop", text: `while away ${index}` });
  // After five failed attempts the next one is 5-10 s away.
  const before = attempts;
  await expect.poll(() => attempts - before, { timeout: 30_000, intervals: [100] }).toBeGreaterThanOrEqual(5);

  await page.context().setOffline(false);
  // Less than the shortest wait that was left: the "online" event cut it short.
  await expect(status).toHaveText("Live", { timeout: 4_000 });
  for (let index = 1; index <= 3; index++) await expect(log.getByText(`while away ${index}`, { exact: true })).toHaveCount(1);
  await expect(log.getByText(/^while away \d$/)).toHaveCount(3);
});

test("a connection that died without a word while the laptop slept is replaced once the network is back, and what it missed arrives once", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const page = await signedInPage("agent@example.com", "agent");
  const killers: (() => void)[] = [];
  await page.routeWebSocket(/\/api\/trpc-ws/, (socket) => {
    const server = socket.connectToServer();
    // Once dead, nothing gets through either way, not even a close: what a connection whose
    // peer vanished looks like from the browser.
    let dead = false;
    socket.onMessage((message) => dead || server.send(message));
    server.onMessage((message) => dead || socket.send(message));
    socket.onClose((code, reason) => dead || void server.close({ code, reason }));
    server.onClose((code, reason) => dead || void socket.close({ code, reason }));
    killers.push(() => (dead = true));
  });

  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Night Owl", text: "before the night" });
  await page.goto("/inbox");
  await conversationLink(page, "Night Owl").click();
  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByText("before the night")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Live");
  // Something arrives just before the connection dies, so the keep-alive would wait its full
  // 10 s before it asks for a pong, and 5 s more for the answer.
  await sendWebhook({ from: phone, name: "Night Owl", text: "last one in" });
  await expect(log.getByText("last one in")).toBeVisible();

  for (const kill of killers.splice(0)) kill();
  await page.context().setOffline(true);
  await expect(page.getByRole("status")).toHaveText("Offline");
  for (let index = 1; index <= 3; index++) await sendWebhook({ from: phone, name: "Night Owl", text: `overnight ${index}` });
  await page.context().setOffline(false);
  // The socket still looks open: back online, it is asked for a pong (5 s), dropped without
  // waiting for a closing handshake that cannot come (1 s), and a new one replays what was
  // missed; sooner than the keep-alive alone, which would take 16 s from "last one in".
  await expect(log.getByText("overnight 3", { exact: true })).toBeVisible({ timeout: 11_000 });
  for (let index = 1; index <= 3; index++) await expect(log.getByText(`overnight ${index}`, { exact: true })).toHaveCount(1);
  await expect(page.getByRole("status")).toHaveText("Live");
});

test("out-of-order status webhooks end on read", async ({ signedInPage, sendWebhook, uniquePhone, server, graph }) => {
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Tick Tester", text: "Where is my parcel?" });
  const page = await signedInPage("admin@example.com", "admin");
  await page.goto("/inbox");
  await conversationLink(page, "Tick Tester").click();
  const wamid = newWamid();
  // WhatsApp answers the send a moment later, so the reply is seen queued first.
  graph.script({ status: 200, body: acceptedReply(phone, wamid), delayMs: 1_000, to: phone });
  await page.getByRole("textbox", { name: "Message" }).fill("It ships today");
  await page.keyboard.press("Enter");

  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByRole("img", { name: "Status: queued" })).toBeVisible();
  await expect(log.getByRole("img", { name: "Status: sent" })).toBeVisible();
  for (const status of ["read", "sent", "delivered"]) {
    expect((await postWebhook(server.url, server.appSecret, statusUpdate(wamid, status))).status).toBe(200);
  }
  await expect(log.getByRole("img", { name: "Status: read" })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(log.getByRole("img", { name: "Status: read" })).toBeVisible();
  await expect(log.getByRole("img", { name: /Status: (sent|delivered|queued)/ })).toHaveCount(0);

  await page.reload();
  await expect(log.getByRole("img", { name: "Status: read" })).toBeVisible();
});
