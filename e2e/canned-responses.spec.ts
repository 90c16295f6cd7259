// Canned responses end to end: an admin saves one on the Canned responses page (an unknown
// placeholder is refused first), then in a conversation types "/ref", meets the "Canned responses"
// list, closes it with Escape and opens it again, inserts the response with Enter — the customer's
// first name and the agent's name filled in — and sends it to the log.
import { expect, test } from "./fixtures";
import { messageBox, messageItem, openConversation, tickOf } from "./inbox-page";

test("an admin saves a canned response and inserts it with / in a conversation", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const page = await signedInPage("admin@example.com", "admin");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Canned responses" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Canned responses" })).toBeVisible();

  const form = page.getByRole("form", { name: "Add a canned response" });
  await form.getByRole("textbox", { name: "Shortcut" }).fill("refund");
  await form.getByRole("textbox", { name: "Text" }).fill("Hi {{contact.nmae}}");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(form.getByRole("alert")).toContainText("Text: unknown placeholder {{contact.nmae}}");
  await expect(form.getByRole("textbox", { name: "Text" })).toHaveAttribute("aria-invalid", "true");
  await form.getByRole("textbox", { name: "Text" }).fill("Hi {{contact.first_name}}, your refund is on its way. {{agent.name}}");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added /refund." })).toBeVisible();
  await expect(page.getByText("/refund", { exact: true })).toBeVisible();

  await sendWebhook({ from: uniquePhone(), name: "Rita Refund", text: "Where is my money?" });
  await openConversation(page, "Rita Refund", "Where is my money?");
  const box = messageBox(page);
  const list = page.getByRole("listbox", { name: "Canned responses" });

  await box.pressSequentially("/ref");
  await expect(list).toBeVisible();
  const option = list.getByRole("option", { name: /\/refund/ });
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);
  await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  // Escape closes the list and keeps what was typed.
  await box.press("Escape");
  await expect(list).toHaveCount(0);
  await expect(box).toHaveValue("/ref");
  await expect(box).not.toHaveAttribute("aria-activedescendant");

  await box.fill("");
  await box.pressSequentially("/ref");
  await expect(list).toBeVisible();
  await box.press("ArrowDown"); // one option: the highlight stays on it
  await expect(option).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  const text = "Hi Rita, your refund is on its way. Ada Admin";
  await expect(box).toHaveValue(text);
  await expect(list).toHaveCount(0);
  await expect(box).toBeFocused();

  await box.press("Enter");
  await expect(box).toHaveValue("");
  await expect(messageItem(page, text)).toBeVisible();
  await expect(tickOf(page, text, "sent")).toBeVisible();
});
