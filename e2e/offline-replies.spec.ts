// Replies written without a connection wait in the browser, survive a reload, and go out exactly
// once, in the order written, when the connection returns.
import type { FakeGraph } from "../testing/fake-graph";
import { expect, test } from "./fixtures";
import { messageItem, messageLog, openConversation, sendReply, tickOf } from "./inbox-page";

const sendsOf = (graph: FakeGraph, text: string) => graph.sentTexts().filter((sent) => sent === text);

test("replies written offline wait, then are sent once each, in order, when the browser is back online", async ({ signedInPage, sendWebhook, uniquePhone, graph }) => {
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Nadia Offline", text: "Are you open on Sunday?" });
  const page = await signedInPage("agent@example.com", "agent");
  // A second tab of the same browser: it shares the stored queue, and must not send it again.
  const otherTab = await page.context().newPage();
  await openConversation(page, "Nadia Offline", "Are you open on Sunday?");
  await openConversation(otherTab, "Nadia Offline", "Are you open on Sunday?");

  // setOffline takes the browser off the network, sockets included, and tells the page so.
  await page.context().setOffline(true);
  await expect(page.getByRole("status")).toHaveText("Offline");
  const first = "Yes, from 10:00 to 16:00.";
  const second = "Closed on public holidays though.";
  await sendReply(page, first);
  await sendReply(page, second);

  for (const tab of [page, otherTab]) {
    for (const text of [first, second]) {
      await expect(tickOf(tab, text, "waiting for connection")).toBeVisible();
      await expect(messageItem(tab, text)).toContainText("Waiting for connection");
    }
  }
  expect(sendsOf(graph, first)).toHaveLength(0);

  await page.context().setOffline(false);
  for (const tab of [page, otherTab]) {
    await expect(tickOf(tab, first, "sent")).toBeVisible();
    await expect(tickOf(tab, second, "sent")).toBeVisible();
    await expect(messageLog(tab).getByText("Waiting for connection")).toHaveCount(0);
    await expect(messageLog(tab).getByText(first)).toHaveCount(1);
    await expect(messageLog(tab).getByText(second)).toHaveCount(1);
  }
  expect(sendsOf(graph, first)).toHaveLength(1);
  expect(sendsOf(graph, second)).toHaveLength(1);
  const order = graph.sentTexts();
  expect(order.indexOf(first)).toBeLessThan(order.indexOf(second));
});

test("a reply that could not reach the server is still there after a reload, and is then sent once", async ({ signedInPage, sendWebhook, uniquePhone, graph }) => {
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Reload Ruth", text: "Did you get my photo?" });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Reload Ruth", "Did you get my photo?");

  // The page thinks it is online, but every send fails on the way (a dead proxy, a flaky network).
  const sendRoute = /\/api\/trpc\/[^?]*message\.send/;
  await page.route(sendRoute, (route) => route.abort("connectionreset"));
  const text = "Got it, thanks! Checking now.";
  await sendReply(page, text);
  await expect(tickOf(page, text, "waiting for connection")).toBeVisible();

  await page.reload();
  await expect(tickOf(page, text, "waiting for connection")).toBeVisible();
  expect(sendsOf(graph, text)).toHaveLength(0);

  await page.unroute(sendRoute);
  await expect(tickOf(page, text, "sent")).toBeVisible({ timeout: 30_000 });
  expect(sendsOf(graph, text)).toHaveLength(1);
  await page.reload();
  await expect(tickOf(page, text, "sent")).toBeVisible();
  await expect(messageLog(page).getByText(text)).toHaveCount(1);
});

test("a reply the server refuses is shown as not sent and can be discarded", async ({ signedInPage, sendWebhook, uniquePhone, graph }) => {
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Refused Rafael", text: "Hi" });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Refused Rafael", "Hi");

  // As if the conversation had been taken away from this agent meanwhile: a definite "no".
  await page.route(/\/api\/trpc\/[^?]*message\.send/, (route) =>
    route.fulfill({
      status: 403,
      contentType: "application/json",
      json: [{ error: { message: "You can no longer reply here", code: -32003, data: { code: "FORBIDDEN", httpStatus: 403 } } }],
    }),
  );
  const text = "Let me check that for you.";
  await sendReply(page, text);
  const reply = messageItem(page, text);
  await expect(reply.getByRole("img", { name: "Status: failed" })).toBeVisible();
  await expect(reply).toContainText("Not sent: You can no longer reply here");
  expect(sendsOf(graph, text)).toHaveLength(0);

  // It is not retried behind the agent's back, and Discard removes it for good.
  await page.reload();
  await expect(reply.getByRole("img", { name: "Status: failed" })).toBeVisible();
  await reply.getByRole("button", { name: "Discard" }).click();
  await expect(messageLog(page).getByText(text)).toHaveCount(0);
  await page.reload();
  await expect(messageLog(page).getByText("Hi", { exact: true })).toBeVisible();
  await expect(messageLog(page).getByText(text)).toHaveCount(0);
});
