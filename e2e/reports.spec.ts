// Reports as a lead uses them on Monday: from the inbox's header to the Reports page, the figures
// for the last 30 days with the customer who wrote and the reply sent, the two charts drawn, the
// split by agent, and the CSV downloaded; an agent sees only their own report.
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { openConversation, sendReply } from "./inbox-page";

test("an admin opens Reports from the header, sees the charts and downloads the CSV", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const customer = `Report Rosa ${uniquePhone().slice(-4)}`;
  const hourAgo = String(Math.floor(Date.now() / 1000) - 3600);
  await sendWebhook({ from: uniquePhone(), name: customer, text: "Can I change my delivery address?", timestamp: hourAgo });
  const page = await signedInPage("admin@example.com", "admin");
  await openConversation(page, customer, "Can I change my delivery address?");
  await page.getByRole("combobox", { name: "Assignee" }).selectOption({ label: "Ada Admin (you)" });
  await expect(page.getByRole("combobox", { name: "Assignee" })).toHaveValue(/.+/);
  await sendReply(page, "Yes, send it over.");

  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Last 30 days" })).toHaveAttribute("aria-pressed", "true");

  const summary = page.locator("dl[aria-label=Summary]");
  await expect(summary).toContainText("Conversations opened");
  await expect(summary).not.toContainText("No first replies in this range");
  await expect(summary).toContainText(/1 h|59 min|60 min/);

  const perDay = page.getByRole("img", { name: /messages in and \d+ out over 30 days/ });
  await expect(perDay).toBeVisible();
  await expect(perDay.locator(".recharts-bar-rectangle").first()).toBeVisible();
  const hours = page.getByRole("img", { name: /^Busiest hour: / });
  await expect(hours).toBeVisible();
  await expect(hours.locator(".recharts-scatter-symbol").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "By agent" }).getByRole("rowheader", { name: "Ada Admin" })).toBeVisible();

  // A narrower question with the keyboard: one week, then the per-person filter.
  await page.getByRole("button", { name: "Last 7 days" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("img", { name: /over 7 days/ })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Agent" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^conversations-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv).toContain("Contact,Phone,Inbox,Assignee,Opened,First reply,Resolved");
  expect(csv).toContain(customer);
});

test("an agent's report is their own: no agent filter, no split by person", async ({ signedInPage }) => {
  const page = await signedInPage("agent@example.com", "agent");
  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(page.getByText("How you are doing")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Inbox" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Agent" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "By agent" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to inbox" }).click();
  await expect(page).toHaveURL(/\/inbox/);
});
