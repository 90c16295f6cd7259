// Auto-assignment as an admin sets it up and an agent lives it: the admin caps the agent's open
// conversations on the People page, turns "Auto-assign new conversations" on in a new inbox's
// settings (off until then) and makes the agent its member; the agent's dashboard is open, so they
// are online; a customer's first message lands in the agent's Mine without a reload.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { conversationLink } from "./inbox-page";

const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

const filterButton = (page: Page, name: "Mine" | "Unassigned" | "All") =>
  page.getByRole("group", { name: "Assigned to" }).getByRole("button", { name: new RegExp(`^${name}`) });

test("a new conversation in an inbox that auto-assigns lands in the online agent's Mine, live", async ({
  signedInPage,
  sendWebhook,
  uniquePhone,
}) => {
  const id = suffix();
  const person = { name: `Pia ${id}`, email: `pia-${id}@example.com`, password: "pia's long password" };
  const inbox = { name: `Returns ${id}`, phoneNumberId: `5${Date.now()}` };
  const admin = await signedInPage("admin@example.com", "admin");

  await admin.goto("/admin/people");
  const addPerson = admin.getByRole("form", { name: "Add a person" });
  await addPerson.getByLabel("Name").fill(person.name);
  await addPerson.getByLabel("Email").fill(person.email);
  await addPerson.getByLabel("Password").fill(person.password);
  await addPerson.getByLabel("Role", { exact: true }).selectOption("agent");
  await addPerson.getByRole("button", { name: "Add person" }).click();
  await expect(addPerson.getByRole("status")).toHaveText(`${person.name} can now sign in as ${person.email}.`);
  const capacity = admin.getByLabel(`Max open conversations for ${person.name}`);
  await expect(capacity).toHaveValue("10");
  await capacity.fill("3");
  const saved = admin.waitForResponse((response) => response.url().includes("setMaxOpenConversations") && response.ok());
  await capacity.press("Enter");
  await saved;
  await admin.reload();
  await expect(admin.getByLabel(`Max open conversations for ${person.name}`)).toHaveValue("3");

  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Inboxes" }).click();
  const addInbox = admin.getByRole("form", { name: "Add an inbox" });
  await addInbox.getByLabel("Inbox name").fill(inbox.name);
  await addInbox.getByLabel("Phone number ID").fill(inbox.phoneNumberId);
  await expect(addInbox.getByRole("checkbox", { name: "Auto-assign new conversations" })).not.toBeChecked();
  await addInbox.getByRole("button", { name: "Add inbox" }).click();
  await expect(addInbox.getByRole("status")).toHaveText(`Added ${inbox.name}. Choose its members with Edit.`);

  await admin.getByRole("button", { name: `Edit ${inbox.name}` }).click();
  const settings = admin.getByRole("form", { name: "Settings" });
  const autoAssign = settings.getByRole("checkbox", { name: "Auto-assign new conversations" });
  await expect(autoAssign).not.toBeChecked();
  await autoAssign.check();
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved.");
  const members = admin.getByRole("form", { name: "Members" });
  await members.getByRole("checkbox", { name: person.name, exact: true }).check();
  await members.getByRole("button", { name: "Save" }).click();
  await expect(members.getByRole("status")).toHaveText("Members saved.");

  const agent = await signedInPage(person.email, person.password);
  await agent.goto("/inbox");
  await expect(agent.getByRole("status")).toHaveText("Live");
  await filterButton(agent, "Mine").click();
  await expect(filterButton(agent, "Mine")).toHaveAttribute("aria-pressed", "true");
  await expect(filterButton(agent, "Mine")).toHaveText(/0/);

  const customer = `Quinn ${id}`;
  await sendWebhook({ phoneNumberId: inbox.phoneNumberId, from: uniquePhone(), name: customer, text: "My parcel came back" });
  await expect(conversationLink(agent, customer)).toContainText("My parcel came back");
  await expect(filterButton(agent, "Mine")).toHaveText(/1/);
  await conversationLink(agent, customer).click();
  await expect(agent.getByText("Assigned to you")).toBeVisible();
});
