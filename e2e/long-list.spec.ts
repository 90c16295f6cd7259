// A long conversation list: it loads the next page as the agent scrolls near its end, and only the
// rows on screen are in the page, however many are loaded. Starts its own server, so the hundred
// and more conversations it seeds do not reach other specs' lists.
import { expect, test, type Page } from "@playwright/test";
import { seedConversations } from "../testing/many-conversations";
import { startServer, type RunningServer } from "../testing/server";
import { postWebhook, textMessage } from "../testing/webhook";
import { conversationLink } from "./inbox-page";

/** Two full pages of 50 and part of a third. */
const COUNT = 130;
let server: RunningServer;
let customers: string[];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer();
  customers = await seedConversations(server.url, server.appSecret, { count: COUNT, numberPrefix: "1555090" });
});
test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill("agent@example.com");
  await page.getByLabel("Password").fill("agent");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status")).toHaveText("Live");
}

test("scrolling to the end of the list loads the later pages, and only the rows in view are in the page", async ({ page }) => {
  await signIn(page);
  const list = page.getByRole("navigation", { name: "Conversations" });
  const rows = list.getByRole("listitem");
  await expect(conversationLink(page, `Customer ${customers[0]}`)).toBeVisible();
  expect(await rows.count()).toBeLessThan(40);

  // Scrolled to the end again and again, the list grows until the oldest conversation is there.
  const oldest = conversationLink(page, `Customer ${customers.at(-1)}`);
  await expect(async () => {
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(oldest).toBeVisible({ timeout: 1_000 });
  }).toPass();
  // All of them are loaded (the last row says it is the last of 130), few of them are in the page.
  await expect(rows.last()).toHaveAttribute("aria-posinset", String(COUNT));
  await expect(rows.last()).toHaveAttribute("aria-setsize", String(COUNT));
  expect(await rows.count()).toBeLessThan(40);
  await expect(conversationLink(page, `Customer ${customers[0]}`)).toHaveCount(0);
  await expect(conversationLink(page, `Customer ${customers[60]}`)).toHaveCount(0);

  // Back at the top, Tab walks the list past the rows that were first rendered.
  await list.evaluate((element) => element.scrollTo({ top: 0 }));
  await conversationLink(page, `Customer ${customers[0]}`).focus();
  for (let step = 0; step < 30; step++) await page.keyboard.press("Tab");
  await expect(conversationLink(page, `Customer ${customers[30]}`)).toBeFocused();
  await expect(conversationLink(page, `Customer ${customers[30]}`)).toBeInViewport();

  // A new message moves a conversation from far down the list to the top.
  const from = customers[110]!;
  expect((await postWebhook(server.url, server.appSecret, textMessage({ from, name: `Customer ${from}`, text: "Back again" }))).status).toBe(200);
  await list.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(list.getByRole("link").first()).toContainText("Back again");
});
