// Demo mode as a newcomer meets it: the admin plays a customer with "Simulate customer" and the
// conversation arrives in the list without a reload; a reply goes to the simulated WhatsApp and its
// tick walks to "Status: read" by itself. Starts its own demo-mode server (no WHATSAPP_ACCESS_TOKEN).
import { expect, test, type Page } from "@playwright/test";
import { startServer, type RunningServer } from "../testing/server";
import { conversationLink } from "./inbox-page";

let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function signedIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/login`);
  // The sign-in page says it is a demo, and how to get in.
  await expect(page.getByRole("region", { name: "Demo mode" })).toContainText(`${email} / ${password}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Live");
}

test("the admin simulates a customer and the conversation appears in the list without a reload", async ({ page }) => {
  await signedIn(page, "admin@example.com", "admin");
  // Set on this document only: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const opener = page.getByRole("button", { name: "Simulate customer" });
  const dialog = page.getByRole("dialog", { name: "Simulate customer" });

  // Keyboard: it opens with the message ready to overwrite, Escape closes it, focus comes back.
  await opener.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Message")).toBeFocused();
  await expect(dialog.getByLabel("Name")).not.toHaveValue("");
  await expect(dialog.getByLabel("Phone number")).toHaveValue(/^\+1 202 555 01\d\d$/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // A bad number is explained, and nothing typed is lost.
  await opener.click();
  await dialog.getByLabel("Name").fill("Chidi Okafor");
  await dialog.getByLabel("Phone number").fill("+234 80");
  await dialog.getByLabel("Message").fill("Hello from Lagos 👋");
  await dialog.getByRole("button", { name: "Send as customer" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Phone number: use 6 to 15 digits, with the country code");
  // Focus stays where it was, so a keyboard user can fix the field and send again from there.
  await expect(dialog.getByRole("button", { name: "Send as customer" })).toBeFocused();
  await expect(dialog.getByLabel("Phone number")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Message")).toHaveValue("Hello from Lagos 👋");
  await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("link")).toHaveCount(0);

  await dialog.getByLabel("Phone number").fill("+234 803 555 0199");
  await dialog.getByRole("button", { name: "Send as customer" }).click();
  await expect(dialog).toBeHidden();
  await expect(conversationLink(page, "Chidi Okafor")).toContainText("Hello from Lagos 👋");
  await expect(conversationLink(page, "Chidi Okafor").getByLabel("1 unread")).toBeVisible();

  // One click with the defaults: the same customer again, so the same conversation.
  await opener.click();
  await expect(dialog.getByLabel("Name")).toHaveValue("Chidi Okafor");
  const sample = await dialog.getByLabel("Message").inputValue();
  await dialog.getByRole("button", { name: "Send as customer" }).click();
  await expect(conversationLink(page, "Chidi Okafor")).toContainText(sample);
  await expect(conversationLink(page, "Chidi Okafor").getByLabel("2 unread")).toBeVisible();

  // "New customer" starts another conversation.
  await opener.click();
  await dialog.getByRole("button", { name: "New customer" }).click();
  const newName = await dialog.getByLabel("Name").inputValue();
  expect(newName).not.toBe("Chidi Okafor");
  await dialog.getByRole("button", { name: "Send as customer" }).click();
  await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("link")).toHaveCount(2);
  await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("link").first()).toContainText(newName);

  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test("agents do not get the Simulate customer control", async ({ page }) => {
  await signedIn(page, "agent@example.com", "agent");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Simulate customer" })).toHaveCount(0);
});

test("a reply in demo mode goes to the simulated WhatsApp and its tick reaches read by itself", async ({ page }) => {
  await signedIn(page, "admin@example.com", "admin");
  await page.getByRole("button", { name: "Simulate customer" }).click();
  const dialog = page.getByRole("dialog", { name: "Simulate customer" });
  await dialog.getByLabel("Name").fill("Tick Watcher");
  await dialog.getByLabel("Phone number").fill("15550107777");
  await dialog.getByLabel("Message").fill("Has my parcel left?");
  await dialog.getByRole("button", { name: "Send as customer" }).click();
  await expect(dialog).toBeHidden();

  await conversationLink(page, "Tick Watcher").click();
  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByText("Has my parcel left?")).toBeVisible();
  await page.getByRole("textbox", { name: "Message" }).fill("Yes, it left this morning 🚚");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(log.getByText("Yes, it left this morning 🚚")).toBeVisible();
  // sent ≈ 0.5 s, delivered ≈ 1.5 s, read ≈ 3 s after the simulator accepts it.
  await expect(log.getByRole("img", { name: "Status: read" })).toBeVisible({ timeout: 15_000 });
  await expect(log.getByRole("img", { name: /Status: (queued|sent|delivered|failed)/ })).toHaveCount(0);
});
