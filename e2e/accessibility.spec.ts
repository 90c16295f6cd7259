// Every page of the app, checked with axe-core as a person with a screen reader or a keyboard would
// meet it: no serious or critical violations (WCAG 2.1 A and AA rules). Pages are checked with
// content in them — a conversation open, its messages and a reply — not only empty.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openConversation, sendReply } from "./inbox-page";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`).join("; ")}`,
    );
}

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Switchboard" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the inbox, a conversation and the account page have no serious accessibility violations", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const page = await signedInPage("agent@example.com", "agent");
  await sendWebhook({ from: uniquePhone(), name: "Axe Checker", text: "Is this page accessible?" });
  await page.goto("/inbox");
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await openConversation(page, "Axe Checker", "Is this page accessible?");
  await sendReply(page, "It should be.");
  expect(await seriousViolations(page)).toEqual([]);

  // The contact panel open beside it, with a note and an attribute, and its form for a new one.
  await page.getByRole("button", { name: "Contact", exact: true }).click();
  const contactPanel = page.getByRole("region", { name: "Contact", exact: true });
  await contactPanel.getByRole("textbox", { name: "Note about this contact" }).fill("Checks pages for a living");
  await contactPanel.getByRole("button", { name: "Save note" }).click();
  await contactPanel.getByRole("button", { name: "Add attribute" }).click();
  await contactPanel.getByRole("textbox", { name: "Attribute" }).fill("Plan");
  await contactPanel.getByRole("textbox", { name: "Value" }).fill("Gold");
  await contactPanel.getByRole("button", { name: "Save attribute" }).click();
  await contactPanel.getByRole("button", { name: "Add attribute" }).click();
  await expect(contactPanel.getByRole("listitem")).toHaveText(["PlanGold"]);
  expect(await seriousViolations(page)).toEqual([]);

  // The header's Labels control open.
  await page.getByRole("button", { name: /^Labels/ }).click();
  await expect(page.getByRole("group", { name: "Labels of this conversation" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto("/account/security");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto("/account/canned-responses");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("every admin page has no serious accessibility violations", async ({ signedInPage }) => {
  const page = await signedInPage("admin@example.com", "admin");
  for (const path of ["/admin", "/admin/people", "/admin/inboxes", "/admin/canned-responses", "/admin/labels", "/admin/security"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // The people table loaded, with each person's "Max open conversations" field.
    if (path === "/admin/people") await expect(page.getByLabel("Max open conversations for Alan Agent")).toBeVisible();
    expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
  }

  // An inbox's settings, opened with Edit, "Auto-assign new conversations" among them.
  await page.goto("/admin/inboxes");
  await page.getByRole("button", { name: /^Edit / }).first().click();
  await expect(page.getByRole("form", { name: "Settings" }).getByRole("checkbox", { name: "Auto-assign new conversations" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The Labels page with a label in its list (a chip in each colour's text) and a refused name.
  await page.goto("/admin/labels");
  const form = page.getByRole("region", { name: "Add a label" });
  for (const [name, colour] of [["Axe amber", "Amber"], ["Axe amber", "Violet"]] as const) {
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    await form.getByRole("radio", { name: colour }).check();
    await form.getByRole("button", { name: "Add" }).click();
  }
  await expect(form.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete Axe amber" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("on a 390-px-wide phone the inbox, its profile menu and a conversation have no serious accessibility violations", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const page = await signedInPage("admin@example.com", "admin");
  await page.setViewportSize({ width: 390, height: 844 });
  await sendWebhook({ from: uniquePhone(), name: "Axe Pocket", text: "Checking from my phone" });
  await page.goto("/inbox");
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await page.getByRole("button", { name: "Profile menu" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press("Escape");
  await openConversation(page, "Axe Pocket", "Checking from my phone");
  await expect(page.getByRole("link", { name: "Back to conversations" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the Reports page, with its charts drawn, has no serious accessibility violations, on a laptop and a phone", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  await sendWebhook({ from: uniquePhone(), name: "Axe Report", text: "Counting on you" });
  const page = await signedInPage("admin@example.com", "admin");
  await page.goto("/reports");
  await expect(page.getByRole("img", { name: /^Busiest hour: / })).toBeVisible();
  await expect(page.getByRole("img", { name: /messages in/ }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("link", { name: "Download CSV" })).toBeInViewport();
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing wider than the screen: the page does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
