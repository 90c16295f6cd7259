// Reading a long conversation: newest at the bottom, older history loaded on scroll without the
// view jumping, pinned to the bottom for new messages unless the reader scrolled up (a change of
// status is not a new message).
import { postWebhook, textMessages } from "../testing/webhook";
import { expect, test } from "./fixtures";

test("a long history loads on scroll and new messages keep or offer the bottom", async ({ signedInPage, sendWebhook, uniquePhone, server }) => {
  const phone = uniquePhone();
  const history = textMessages({ from: phone, name: "Long Story", count: 120, text: (index) => `history message ${index}` });
  expect((await postWebhook(server.url, server.appSecret, history)).status).toBe(200);

  const page = await signedInPage("agent@example.com", "agent");
  await page.goto("/inbox");
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: /Long Story/ }).click();
  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByText("history message 120", { exact: true })).toBeInViewport();
  await expect(log.getByText("history message 1", { exact: true })).toHaveCount(0);

  // Pinned to the bottom: a new message scrolls into view by itself.
  await sendWebhook({ from: phone, name: "Long Story", text: "fresh while pinned" });
  await expect(log.getByText("fresh while pinned")).toBeInViewport();

  // Scrolling to the top loads the older pages, and the message that was at the top stays put.
  for (let attempt = 0; attempt < 10; attempt++) {
    if ((await log.getByText("history message 1", { exact: true }).count()) > 0) break;
    await log.evaluate((element) => element.scrollTo({ top: 0 }));
    await page.waitForTimeout(300);
  }
  await expect(log.getByText("history message 1", { exact: true })).toHaveCount(1);
  await expect(log.getByText(/^history message \d+$/)).toHaveCount(120);

  // Scrolled up, a new message does not move the view; a "New messages" button takes you there.
  await log.evaluate((element) => element.scrollTo({ top: 0 }));
  await sendWebhook({ from: phone, name: "Long Story", text: "fresh while reading old ones" });
  const jump = page.getByRole("button", { name: /New messages/ });
  await expect(jump).toBeVisible();
  await expect(log.getByText("fresh while reading old ones")).not.toBeInViewport();
  await jump.click();
  await expect(log.getByText("fresh while reading old ones")).toBeInViewport();

  // A change arriving while scrolled up (an activity line) is not a new message: no button.
  await log.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(jump).toBeHidden();
  await page.getByRole("combobox", { name: "Conversation status" }).selectOption("pending");
  await expect(log.getByText(/marked this pending/)).toHaveCount(1);
  await expect(jump).toBeHidden();
});

test("an unknown conversation says it was not found", async ({ signedInPage }) => {
  const page = await signedInPage("agent@example.com", "agent");
  await page.goto("/inbox/does-not-exist");
  await expect(page.getByRole("heading", { name: "Conversation not found" })).toBeVisible();
});
