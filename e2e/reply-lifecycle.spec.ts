// A reply's life as agents see it, with the fake Graph API standing in for WhatsApp: the agent who
// writes it sees it at once, every agent sees it through the live stream, and the tick follows
// queued → sent → delivered → read in every tab; a reply WhatsApp refuses shows why, and Retry
// sends it again.
import type { Page } from "@playwright/test";
import { acceptedReply, errorReply, gate, newFakeWamid, type FakeGraph } from "../testing/fake-graph";
import { signIn } from "../testing/session";
import { postWebhook, statusUpdate } from "../testing/webhook";
import { expect, test } from "./fixtures";
import { conversationLink, messageBox, messageItem, messageLog, openConversation, sendReply, tickOf } from "./inbox-page";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface SentBody {
  to?: string;
  text?: { body?: string };
  biz_opaque_callback_data?: string;
}
const sendsOf = (graph: FakeGraph, text: string) =>
  graph.sends().map((request) => request.body as SentBody).filter((body) => body.text?.body === text);

async function expectTickInAll(pages: Page[], text: string, status: string) {
  await Promise.all(pages.map((page) => expect(tickOf(page, text, status)).toBeVisible()));
}

test("a reply shows queued, sent, delivered and read in the sender's tab and another agent's", async ({ signedInPage, sendWebhook, uniquePhone, server, graph }) => {
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Rita Lifecycle", text: "Can I pay on delivery?" });
  const agent = await signedInPage("agent@example.com", "agent");
  const admin = await signedInPage("admin@example.com", "admin");
  await openConversation(agent, "Rita Lifecycle", "Can I pay on delivery?");
  await openConversation(admin, "Rita Lifecycle", "Can I pay on delivery?");

  // WhatsApp answers only when we let it, with a wamid we know, so each step can be seen.
  const wamid = newFakeWamid();
  const answer = gate();
  graph.script({ status: 200, body: acceptedReply(phone, wamid), until: answer.opened, to: phone });
  const text = "Yes — cash or card on delivery 👍";
  await sendReply(agent, text);
  await expect(messageBox(agent)).toBeFocused();

  await expectTickInAll([agent, admin], text, "queued");
  await expect(messageItem(admin, text)).toContainText("Alan Agent");
  answer.open();
  await expectTickInAll([agent, admin], text, "sent");

  const sent = sendsOf(graph, text);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.to).toBe(phone);
  expect(sent[0]!.biz_opaque_callback_data).toMatch(UUID);

  for (const status of ["delivered", "read"]) {
    expect((await postWebhook(server.url, server.appSecret, statusUpdate(wamid, status))).status).toBe(200);
    await expectTickInAll([agent, admin], text, status);
  }

  // One message everywhere: in both logs, in both lists' previews, and after a reload.
  for (const page of [agent, admin]) {
    await expect(messageLog(page).getByText(text)).toHaveCount(1);
    await expect(conversationLink(page, "Rita Lifecycle")).toContainText(text);
  }
  await agent.reload();
  await expect(tickOf(agent, text, "read")).toBeVisible();
  await expect(messageLog(agent).getByText(text)).toHaveCount(1);
  expect(sendsOf(graph, text)).toHaveLength(1);
});

test("a reply WhatsApp refuses shows the reason, and Retry sends it", async ({ browser, server, signedInPage, sendWebhook, uniquePhone, graph }) => {
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Otto Refused", text: "Hello?" });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Otto Refused", "Hello?");

  graph.script({
    status: 400,
    body: errorReply(
      131047,
      "Re-engagement message",
      "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    ),
    to: phone,
  });
  const text = "Sorry for the wait — your parcel left today.";
  await sendReply(page, text);

  const reply = messageItem(page, text);
  await expect(reply.getByRole("img", { name: "Status: failed" })).toBeVisible();
  await expect(reply).toContainText(/Not delivered:.*24 hours/);
  await expect(reply).toContainText("Error 131047");
  expect(sendsOf(graph, text)).toHaveLength(1);

  // Someone reading Spanish gets the reason in Spanish: the server stored it as a text, not English.
  const spanish = await (await browser.newContext({ baseURL: server.url, locale: "es" })).newPage();
  try {
    const cookie = await signIn(server.url, "admin@example.com", "admin");
    await spanish.context().addCookies(cookie.split("; ").map((pair) => ({ name: pair.split("=")[0]!, value: pair.split("=").slice(1).join("="), url: server.url })));
    await spanish.goto(new URL(page.url()).pathname);
    await expect(spanish.getByRole("log").getByText(text)).toBeVisible();
    await expect(spanish.getByText(/^No entregado: Pasaron más de 24 horas desde que el cliente escribió/)).toBeVisible();
  } finally {
    await spanish.context().close();
  }

  // Retry from the keyboard; WhatsApp holds its answer this time, so "queued" can be seen again.
  const answer = gate();
  graph.script({ status: 200, body: acceptedReply(phone), until: answer.opened, to: phone });
  const retry = reply.getByRole("button", { name: "Retry" });
  await retry.focus();
  await page.keyboard.press("Enter");
  await expect(reply.getByRole("img", { name: "Status: queued" })).toBeVisible();
  await expect(reply).not.toContainText("Not delivered");
  answer.open();
  await expect(reply.getByRole("img", { name: "Status: sent" })).toBeVisible();
  expect(sendsOf(graph, text)).toHaveLength(2);
  await expect(messageLog(page).getByText(text)).toHaveCount(1);
});
