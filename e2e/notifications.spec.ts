// Browser notifications for a new customer message while the tab is hidden. Headless Chromium
// cannot hide a page, so the page is told it is hidden (document.visibilityState and a
// visibilitychange event); the real Notification is still called, wrapped to record what was made.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { conversationLink, messageLog } from "./inbox-page";

interface Recorded {
  title: string;
  body: string | undefined;
  tag: string | undefined;
}

declare global {
  interface Window {
    __notifications: (Recorded & { notification: Notification })[];
    __setHidden: (hidden: boolean) => void;
  }
}

function recordNotificationsAndVisibility() {
  const Real = window.Notification;
  window.__notifications = [];
  class Recording extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      window.__notifications.push({ title, body: options?.body, tag: options?.tag, notification: this });
    }
  }
  window.Notification = Recording;
  let hidden = false;
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
  Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
  window.__setHidden = (value) => {
    hidden = value;
    document.dispatchEvent(new Event("visibilitychange"));
  };
}

const notifications = (page: Page) =>
  page.evaluate(() => window.__notifications.map(({ title, body, tag }) => ({ title, body, tag })));

test("a customer's message in a hidden tab shows one notification, and clicking it opens the conversation", async ({ signedInPage, sendWebhook, uniquePhone, server }) => {
  const page = await signedInPage("agent@example.com", "agent");
  await page.context().grantPermissions(["notifications"], { origin: server.url });
  await page.addInitScript(recordNotificationsAndVisibility);
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Nina Notify", text: "Hello" });
  await page.goto("/inbox");
  await expect(page.getByRole("status")).toHaveText("Live");
  await expect(page.getByRole("button", { name: "Enable notifications" })).toHaveCount(0);

  // Visible: the list updates, nothing pops up.
  await sendWebhook({ from: phone, name: "Nina Notify", text: "while you look" });
  await expect(conversationLink(page, "Nina Notify")).toContainText("while you look");

  await page.evaluate(() => window.__setHidden(true));
  await sendWebhook({ from: phone, name: "Nina Notify", text: "Are you there? 📦" });
  await expect.poll(() => notifications(page)).toHaveLength(1);
  const [shown] = await notifications(page);
  expect(shown).toMatchObject({ title: "Nina Notify", body: "Are you there? 📦" });
  expect(shown!.tag).toBeTruthy();
  // One, not one per render or per cache update.
  await page.waitForTimeout(300);
  expect(await notifications(page)).toHaveLength(1);

  await page.evaluate(() => window.__notifications[0]!.notification.dispatchEvent(new Event("click")));
  await page.waitForURL(`**/inbox/${encodeURIComponent(shown!.tag!)}`);
  await expect(messageLog(page).getByText("Are you there? 📦")).toBeVisible();

  await page.evaluate(() => window.__setHidden(false));
  await sendWebhook({ from: phone, name: "Nina Notify", text: "seen while open" });
  await expect(messageLog(page).getByText("seen while open")).toBeVisible();
  expect(await notifications(page)).toHaveLength(1);
});

test("notifications are asked for only from the header's control, and the sound choice is remembered", async ({ signedInPage }) => {
  const page = await signedInPage("agent@example.com", "agent");
  await page.goto("/inbox");
  await expect(page.getByRole("button", { name: "Enable notifications" })).toBeVisible();
  const sound = page.getByRole("button", { name: "Sound for new messages" });
  await expect(sound).toHaveAttribute("aria-pressed", "false");
  await sound.click();
  await expect(sound).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(sound).toHaveAttribute("aria-pressed", "true");
});
