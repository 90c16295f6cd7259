// Admins manage people and inboxes in the browser, and the people they change feel it at once.
import type { Page } from "@playwright/test";
import { conversationLink } from "./inbox-page";
import { expect, test } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function addPerson(admin: Page, person: { name: string; email: string; password: string }) {
  await admin.goto("/inbox");
  await admin.getByRole("link", { name: "Admin" }).click();
  await expect(admin).toHaveURL(/\/admin\/people$/);
  const form = admin.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill(person.name);
  await form.getByLabel("Email").fill(person.email);
  await form.getByLabel("Password").fill(person.password);
  await form.getByLabel("Role", { exact: true }).selectOption("agent");
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByRole("status")).toHaveText(`${person.name} can now sign in as ${person.email}.`);
  await expect(admin.getByRole("rowheader", { name: person.name })).toBeVisible();
}

test("an admin adds a person and an inbox, makes them its member, and they see its conversations", async ({
  signedInPage,
  sendWebhook,
  uniquePhone,
  browser,
  baseURL,
}) => {
  const id = suffix();
  const person = { name: `Nora ${id}`, email: `nora-${id}@example.com`, password: "correct horse battery" };
  const inbox = { name: `Sales ${id}`, phoneNumberId: `4${Date.now()}` };
  const admin = await signedInPage("admin@example.com", "admin");
  await addPerson(admin, person);

  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Inboxes" }).click();
  const addInbox = admin.getByRole("form", { name: "Add an inbox" });
  await addInbox.getByLabel("Phone number ID").fill("not digits");
  await addInbox.getByLabel("Inbox name").fill(inbox.name);
  await addInbox.getByRole("button", { name: "Add inbox" }).click();
  await expect(addInbox.getByRole("alert")).toHaveText("Phone number ID: digits only, as Meta’s WhatsApp Manager shows it");
  await expect(addInbox.getByLabel("Phone number ID")).toHaveAttribute("aria-invalid", "true");
  await addInbox.getByLabel("Phone number ID").fill(inbox.phoneNumberId);
  await addInbox.getByLabel("Access token", { exact: true }).fill(`fake-token-${id}`);
  await addInbox.getByRole("button", { name: "Add inbox" }).click();
  await expect(addInbox.getByRole("status")).toHaveText(`Added ${inbox.name}. Choose its members with Edit.`);

  const row = admin.getByRole("row").filter({ has: admin.getByRole("rowheader", { name: inbox.name }) });
  await expect(row.getByRole("cell", { name: "Stored" })).toBeVisible();
  await row.getByRole("button", { name: `Edit ${inbox.name}` }).click();
  await expect(admin.getByRole("heading", { name: `Edit ${inbox.name}` })).toBeFocused();
  // The stored token is only ever "Stored", never its value.
  const settings = admin.getByRole("form", { name: "Settings" });
  await expect(settings.getByLabel("Access token", { exact: true })).toHaveValue("");
  await expect(settings.getByLabel("Access token", { exact: true })).toHaveAttribute("placeholder", "Replace");
  await expect(admin.getByText(`fake-token-${id}`)).toHaveCount(0);

  const members = admin.getByRole("form", { name: "Members" });
  await members.getByRole("checkbox", { name: person.name, exact: true }).check();
  await members.getByRole("button", { name: "Save" }).click();
  await expect(members.getByRole("status")).toHaveText("Members saved.");
  await expect(row.getByRole("cell", { name: person.name })).toBeVisible();

  const customer = `Customer ${id}`;
  await sendWebhook({ phoneNumberId: inbox.phoneNumberId, from: uniquePhone(), name: customer, text: "Do you ship to Lisbon?" });
  const outsider = `Outsider ${id}`;
  await sendWebhook({ from: uniquePhone(), name: outsider, text: "Default inbox only" });

  // They sign in with the form, as they would on their first day.
  const context = await browser.newContext({ baseURL });
  const newcomer = await context.newPage();
  await newcomer.goto("/inbox");
  await newcomer.getByLabel("Email").fill(person.email);
  await newcomer.getByLabel("Password").fill(person.password);
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await expect(conversationLink(newcomer, customer)).toContainText("Do you ship to Lisbon?");
  await expect(conversationLink(newcomer, outsider)).toHaveCount(0);
  // Agents have no Admin link, and /admin does not exist for them.
  await expect(newcomer.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const response = await newcomer.goto("/admin/people");
  expect(response?.status()).toBe(404);
  await context.close();
});

test("deactivating an agent sends their open tab to the sign-in page", async ({ signedInPage }) => {
  const id = suffix();
  const person = { name: `Otto ${id}`, email: `otto-${id}@example.com`, password: "otto's password" };
  const admin = await signedInPage("admin@example.com", "admin");
  await addPerson(admin, person);

  const agent = await signedInPage(person.email, person.password);
  await agent.goto("/inbox");
  await expect(agent.getByRole("status")).toHaveText("Live");

  await admin.getByRole("button", { name: `Deactivate ${person.name}` }).click();
  await expect(admin.getByRole("row").filter({ hasText: person.name }).getByText("Deactivated")).toBeVisible();
  await expect(agent).toHaveURL(/\/login/);
  await expect(agent.getByRole("button", { name: "Sign in" })).toBeVisible();
});
