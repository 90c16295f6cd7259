// The contact panel beside a conversation: an agent renames the customer, writes the note about
// them and adds an attribute, and an admin's dashboard open on the same conversation shows each
// change live — the panel, the header and the list; search then finds the conversation by the
// attribute. On a 390-px-wide phone the panel opens from the conversation's header in the
// conversation's place and closes again, from the keyboard.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { conversationLink, messageLog, openConversation } from "./inbox-page";

const contactPanel = (page: Page) => page.getByRole("region", { name: "Contact", exact: true });
const contactButton = (page: Page) => page.getByRole("button", { name: "Contact", exact: true });

async function openContactPanel(page: Page): Promise<void> {
  await contactButton(page).click();
  await expect(contactPanel(page)).toBeVisible();
  await expect(contactPanel(page).getByRole("button", { name: "Edit name" })).toBeVisible();
}

test("an agent's changes to the contact reach a second dashboard live, and search finds them", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const from = uniquePhone();
  const order = `ORD-${Date.now() % 1_000_000}`;
  await sendWebhook({ from, name: "Carla Contact", text: "Where is my parcel?" });

  const agent = await signedInPage("agent@example.com", "agent");
  const admin = await signedInPage("admin@example.com", "admin");
  await openConversation(agent, "Carla Contact", "Where is my parcel?");
  await openConversation(admin, "Carla Contact", "Where is my parcel?");
  await openContactPanel(agent);
  await openContactPanel(admin);
  await expect(contactPanel(admin)).toContainText(`+${from}`);
  await expect(contactPanel(admin)).toContainText("First wrote");

  const note = "Wholesale customer; prefers email after 5 pm";
  await contactPanel(agent).getByRole("textbox", { name: "Note about this contact" }).fill(note);
  await contactPanel(agent).getByRole("button", { name: "Save note" }).click();
  await expect(contactPanel(agent).getByText("Saved")).toBeVisible();
  await expect(contactPanel(admin).getByRole("textbox", { name: "Note about this contact" })).toHaveValue(note);

  await contactPanel(agent).getByRole("button", { name: "Add attribute" }).click();
  await contactPanel(agent).getByRole("textbox", { name: "Attribute" }).fill("Order number");
  await contactPanel(agent).getByRole("textbox", { name: "Value" }).fill(order);
  await contactPanel(agent).getByRole("button", { name: "Save attribute" }).click();
  const attributes = (page: Page) => contactPanel(page).getByRole("list", { name: "Attributes" });
  await expect(attributes(admin).getByRole("listitem")).toHaveText([`Order number${order}`]);

  // Edited from the keyboard: the value changes, and the admin sees the new one.
  await attributes(agent).getByRole("button", { name: "Edit Order number" }).click();
  await expect(contactPanel(agent).getByRole("textbox", { name: "Attribute" })).toBeFocused();
  await agent.keyboard.press("Tab");
  await agent.keyboard.press("End");
  await agent.keyboard.type("-B");
  await agent.keyboard.press("Enter");
  await expect(attributes(admin).getByRole("listitem")).toHaveText([`Order number${order}-B`]);

  await contactPanel(agent).getByRole("button", { name: "Edit name" }).click();
  await contactPanel(agent).getByRole("textbox", { name: "Name" }).fill("Carla Customer");
  await agent.keyboard.press("Enter");
  await expect(admin.getByRole("heading", { level: 2, name: "Carla Customer" })).toBeVisible();
  await expect(conversationLink(admin, "Carla Customer")).toBeVisible();
  await expect(conversationLink(admin, "Carla Contact")).toHaveCount(0);

  // The admin's search finds the conversation by the attribute's value, and says where it matched.
  await admin.getByRole("searchbox", { name: "Search conversations" }).fill(`${order}-b`);
  const result = admin.getByRole("list", { name: "Search results" }).getByRole("link", { name: /Carla Customer/ });
  await expect(result).toContainText(`Order number: ${order}-B`);

  // Removed by the agent, gone from the admin's panel too.
  await attributes(agent).getByRole("button", { name: "Remove Order number" }).click();
  await expect(contactPanel(admin).getByText("None yet")).toBeVisible();
});

test("on a 390-px-wide phone the contact panel opens from the conversation's header and closes again", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  await sendWebhook({ from: uniquePhone(), name: "Pia Phone", text: "Hello from my phone" });
  const page = await signedInPage("agent@example.com", "agent");
  await page.setViewportSize({ width: 390, height: 844 });
  await openConversation(page, "Pia Phone", "Hello from my phone");
  await expect(contactPanel(page)).toBeHidden();

  // The button is inside the screen, not under anything: a click at its centre reaches it.
  const box = (await contactButton(page).boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(contactPanel(page)).toBeVisible();
  await expect(messageLog(page)).toBeHidden();
  await expect(contactPanel(page).getByRole("heading", { name: "Contact" })).toBeFocused();
  const panelBox = (await contactPanel(page).boundingBox())!;
  expect(panelBox.width).toBeLessThanOrEqual(390);

  await contactPanel(page).getByRole("textbox", { name: "Note about this contact" }).fill("Asked from a phone");
  await contactPanel(page).getByRole("button", { name: "Save note" }).click();
  await expect(contactPanel(page).getByText("Saved")).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(contactPanel(page)).toBeHidden();
  await expect(messageLog(page)).toBeVisible();
  await expect(contactButton(page)).toBeFocused();

  await contactButton(page).press("Enter");
  await expect(contactPanel(page).getByRole("textbox", { name: "Note about this contact" })).toHaveValue("Asked from a phone");
  await contactPanel(page).getByRole("button", { name: "Close contact panel" }).click();
  await expect(messageLog(page)).toBeVisible();
});
