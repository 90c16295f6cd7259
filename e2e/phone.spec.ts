// The inbox on a 390-px-wide phone: the list fills the screen, a conversation replaces it and a Back
// control returns to it; nothing runs past the right edge (the header's less important controls
// fold into a "Profile menu", the conversation's owner and status controls go under the name); a
// reply goes out from the composer; the contact panel opens from the conversation's header; in demo
// mode the admin plays a customer from the menu.
import type { Locator, Page } from "@playwright/test";
import { startServer } from "../testing/server";
import { expect, test } from "./fixtures";
import { conversationLink, messageItem, messageLog, openConversation, sendReply } from "./inbox-page";

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 } });

const conversationList = (page: Page) => page.getByRole("navigation", { name: "Conversations" });
const menuButton = (page: Page) => page.getByRole("banner").getByRole("button", { name: "Profile menu" });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

/** Wholly on screen, left to right. */
async function expectWithinScreen(control: Locator): Promise<void> {
  const box = await control.boundingBox();
  expect(box, "the control is drawn").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
}

/** No two of these controls overlap. */
async function expectNoOverlap(controls: Locator[]): Promise<void> {
  const boxes = await Promise.all(controls.map(async (control) => (await control.boundingBox())!));
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(true);
    }
  }
}

test("an agent goes from the list to a conversation, replies, and comes back", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  await sendWebhook({ from: uniquePhone(), name: "Penny Phone-Customer With A Rather Long Name", text: "Is my order on its way?" });
  const page = await signedInPage("agent@example.com", "agent");

  await page.goto("/inbox");
  // An on-screen keyboard shrinks the page rather than covering the composer.
  await expect(page.locator('meta[name="viewport"]')).toHaveAttribute("content", /interactive-widget=resizes-content/);
  const list = conversationList(page);
  await expect(list).toBeVisible();
  const listBox = (await list.boundingBox())!;
  expect(listBox.width).toBe(WIDTH);
  await expect(menuButton(page)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expectWithinScreen(menuButton(page));
  await expectNoSidewaysScroll(page);

  await openConversation(page, "Penny Phone-Customer", "Is my order on its way?");
  await expect(list).toBeHidden();
  const logBox = (await messageLog(page).boundingBox())!;
  expect(logBox.width).toBe(WIDTH);
  const back = page.getByRole("link", { name: "Back to conversations" });
  const contact = page.getByRole("button", { name: "Contact", exact: true });
  const assign = page.getByRole("button", { name: "Assign to me" });
  const status = page.getByRole("combobox", { name: "Conversation status" });
  const name = page.getByRole("heading", { level: 2, name: /Penny Phone-Customer/ });
  for (const control of [back, contact, assign, status, name, menuButton(page)]) await expectWithinScreen(control);
  await expectNoOverlap([back, name, contact, assign, status]);
  await expectNoSidewaysScroll(page);

  await assign.click();
  await expect(page.getByText("Assigned to you")).toBeVisible();
  await expectWithinScreen(page.getByRole("button", { name: "Unassign" }));
  await sendReply(page, "It left the warehouse this morning.");
  await expect(messageItem(page, "It left the warehouse this morning.")).toBeVisible();
  await expectWithinScreen(page.getByRole("textbox", { name: "Message" }));
  await expectNoSidewaysScroll(page);

  // The contact panel takes the conversation's place and gives it back.
  await contact.click();
  const panel = page.getByRole("region", { name: "Contact", exact: true });
  await expect(panel).toBeVisible();
  await expect(messageLog(page)).toBeHidden();
  await expectNoSidewaysScroll(page);
  await panel.getByRole("button", { name: "Close contact panel" }).click();
  await expect(messageLog(page)).toBeVisible();

  // Back, from the keyboard, to the whole list.
  await back.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/inbox$/);
  await expect(list).toBeVisible();
  await expect(messageLog(page)).toHaveCount(0);
  // The list kept its place (it may be scrolled anywhere); the conversation is the agent's now.
  await page.getByRole("button", { name: /^Mine/ }).click();
  await expect(conversationLink(page, "Penny Phone-Customer")).toBeVisible();

  // The profile menu opens with the keyboard, closes with Escape, and holds the way out.
  await menuButton(page).focus();
  await page.keyboard.press("Enter");
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "true");
  const signOut = page.getByRole("button", { name: "Sign out" });
  await expect(signOut).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Account", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sound for new messages" })).toBeVisible();
  await expectWithinScreen(signOut);
  await expectNoSidewaysScroll(page);
  await page.keyboard.press("Escape");
  await expect(signOut).toBeHidden();
  await expect(menuButton(page)).toBeFocused();

  await menuButton(page).click();
  await signOut.click();
  await expect(page).toHaveURL(/\/login$/);
});

test("an admin's conversation header fits: the assignee and status controls sit under the name", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  await sendWebhook({ from: uniquePhone(), name: "Otto Overflow", text: "Does the header fit?" });
  const page = await signedInPage("admin@example.com", "admin");
  await openConversation(page, "Otto Overflow", "Does the header fit?");

  const name = page.getByRole("heading", { level: 2, name: "Otto Overflow" });
  const number = page.getByRole("region", { name: "Otto Overflow" }).getByText(/^\+1555/);
  const assignee = page.getByRole("combobox", { name: "Assignee" });
  const status = page.getByRole("combobox", { name: "Conversation status" });
  const contact = page.getByRole("button", { name: "Contact", exact: true });
  for (const control of [name, number, assignee, status, contact]) await expectWithinScreen(control);
  await expectNoOverlap([name, number, assignee, status, contact]);
  await expectNoSidewaysScroll(page);

  // The Admin link is in the profile menu, inside the screen.
  await menuButton(page).click();
  const admin = page.getByRole("link", { name: "Admin" });
  await expectWithinScreen(admin);
  await admin.click();
  await page.waitForURL(/\/admin/);
});

test("in demo mode the admin opens Simulate customer from the profile menu, and its Escape closes only the dialog", async ({ browser }) => {
  test.setTimeout(120_000);
  // A server of its own in demo mode (no WhatsApp access token), as in demo-mode.spec.ts.
  const server = await startServer();
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 844 } });
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("admin");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toHaveText("Live");

    await menuButton(page).click();
    const opener = page.getByRole("button", { name: "Simulate customer" });
    await expectWithinScreen(opener);
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "Simulate customer" });
    await expect(dialog).toBeVisible();
    await expectWithinScreen(dialog);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    await opener.click();
    await dialog.getByLabel("Name").fill("Mara Mobile");
    await dialog.getByRole("button", { name: "Send as customer" }).click();
    await expect(dialog).toBeHidden();
    await page.keyboard.press("Escape");
    await expect(conversationLink(page, "Mara Mobile")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.close();
  } finally {
    await server.stop();
  }
});

test("the admin area fits a phone: its tabs get a row of their own, and every tab is reachable", async ({ signedInPage }) => {
  const page = await signedInPage("admin@example.com", "admin");
  await page.goto("/admin/labels");
  await expect(page.getByRole("heading", { name: "Labels", level: 1 })).toBeVisible();
  const banner = page.getByRole("banner");
  for (const control of [banner.getByRole("link", { name: "Back to inbox" }), banner.getByRole("link", { name: "Account" }), banner.getByRole("button", { name: "Sign out" })]) {
    await expectWithinScreen(control);
  }
  await expectNoSidewaysScroll(page);
  // The last tab, scrolled to like a person would, opens its page.
  const tabs = page.getByRole("navigation", { name: "Admin" });
  await tabs.getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/admin\/security$/);
  await expect(tabs.getByRole("link", { name: "Security" })).toHaveAttribute("aria-current", "page");
  await expectNoSidewaysScroll(page);
});
