// Labels as a team uses them: the admin makes one on the Labels page, an agent in another browser
// puts it on a conversation from the header's Labels control, and the admin's list and header show
// the chip live, with the change as a line in the log; taking it off and deleting it follow live.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { conversationLink, messageLog, openConversation } from "./inbox-page";

const ADMIN = ["admin@example.com", "admin"] as const;
const AGENT = ["agent@example.com", "agent"] as const;

const labelsButton = (page: Page) => page.getByRole("button", { name: /^Labels/ });
const labelChoice = (page: Page, name: string) => page.getByRole("group", { name: "Labels of this conversation" }).getByRole("checkbox", { name });
const headerLabels = (page: Page) => page.getByRole("list", { name: "Labels" });

test("an admin makes a label, an agent puts it on a conversation, and both dashboards show it live", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const name = `Refund ${randomBytes(2).toString("hex")}`;
  await sendWebhook({ from: uniquePhone(), name: "Lina Label", text: "I want my money back" });

  const admin = await signedInPage(...ADMIN);
  await admin.goto("/admin/labels");
  await expect(admin.getByRole("heading", { name: "Labels", level: 1 })).toBeVisible();
  const form = admin.getByRole("region", { name: "Add a label" });
  await form.getByRole("textbox", { name: "Name" }).fill(name);
  await form.getByRole("radio", { name: "Red" }).check();
  await form.getByRole("button", { name: "Add" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Added ${name}.`);
  // The same name in other letters is refused, saying why.
  await form.getByRole("textbox", { name: "Name" }).fill(name.toUpperCase());
  await form.getByRole("button", { name: "Add" }).click();
  await expect(form.getByRole("alert")).toHaveText(`Name: there is a label called ${name.toUpperCase()} already`);
  await expect(form.getByRole("textbox", { name: "Name" })).toHaveAttribute("aria-invalid", "true");

  await openConversation(admin, "Lina Label", "I want my money back");
  const agent = await signedInPage(...AGENT);
  await openConversation(agent, "Lina Label", "I want my money back");

  // With the keyboard: open the control, tick the label, close with Escape.
  await labelsButton(agent).focus();
  await agent.keyboard.press("Enter");
  await expect(labelsButton(agent)).toHaveAttribute("aria-expanded", "true");
  await labelChoice(agent, name).check();
  await expect(labelChoice(agent, name)).toBeChecked();
  await agent.keyboard.press("Escape");
  await expect(labelsButton(agent)).toBeFocused();
  await expect(headerLabels(agent).getByText(name)).toBeVisible();

  // The admin's header, list row and log follow without a reload.
  await expect(headerLabels(admin).getByText(name)).toBeVisible();
  await expect(conversationLink(admin, "Lina Label")).toContainText(name);
  await expect(messageLog(admin).getByText(`Alan Agent added the label ${name}`)).toBeVisible();

  // The admin takes it off; the agent sees it go.
  await labelsButton(admin).click();
  await labelChoice(admin, name).uncheck();
  await expect(headerLabels(agent)).toHaveCount(0);
  await expect(messageLog(agent).getByText(`Ada Admin removed the label ${name}`)).toBeVisible();

  // Put back, then deleted on the Labels page: gone from the agent's screen at once.
  await labelChoice(admin, name).check();
  await expect(headerLabels(agent).getByText(name)).toBeVisible();
  await admin.goto("/admin/labels");
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(admin.getByRole("button", { name: `Delete ${name}` })).toHaveCount(0);
  await expect(headerLabels(agent)).toHaveCount(0);
  await expect(conversationLink(agent, "Lina Label")).not.toContainText(name);
});

const labelFilter = (page: Page) => page.getByRole("combobox", { name: "Filter by label" });

test("the list filters by label, with counts, and follows labelling in another dashboard live", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const name = `Urgent ${randomBytes(2).toString("hex")}`;
  await sendWebhook({ from: uniquePhone(), name: "Una Urgent", text: "Help, quickly" });
  await sendWebhook({ from: uniquePhone(), name: "Carl Calm", text: "No rush" });

  const admin = await signedInPage(...ADMIN);
  await admin.goto("/admin/labels");
  const form = admin.getByRole("region", { name: "Add a label" });
  await form.getByRole("textbox", { name: "Name" }).fill(name);
  await form.getByRole("button", { name: "Add" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Added ${name}.`);

  await admin.goto("/inbox");
  await expect(admin.getByRole("status")).toHaveText("Live");
  await expect(labelFilter(admin).getByRole("option", { name: `${name} (0)` })).toBeAttached();
  await labelFilter(admin).selectOption({ label: `${name} (0)` });
  await expect(conversationLink(admin, "Carl Calm")).toHaveCount(0);
  await expect(conversationLink(admin, "Una Urgent")).toHaveCount(0);

  const agent = await signedInPage(...AGENT);
  await openConversation(agent, "Una Urgent", "Help, quickly");
  await labelsButton(agent).click();
  await labelChoice(agent, name).check();

  // The admin's filtered list takes it, and the count follows, without a reload.
  await expect(conversationLink(admin, "Una Urgent")).toBeVisible();
  await expect(conversationLink(admin, "Carl Calm")).toHaveCount(0);
  await expect(labelFilter(admin).getByRole("option", { name: `${name} (1)` })).toBeAttached();

  await labelChoice(agent, name).uncheck();
  await expect(conversationLink(admin, "Una Urgent")).toHaveCount(0);
  await expect(labelFilter(admin).getByRole("option", { name: `${name} (0)` })).toBeAttached();

  // Back to every label: both are there.
  await labelFilter(admin).selectOption({ label: "All labels" });
  await expect(conversationLink(admin, "Carl Calm")).toBeVisible();
});
