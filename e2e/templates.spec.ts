// Reaching a customer after WhatsApp's 24-hour window: the composer says the window is closed and
// offers Templates; the agent picks one, fills its variables, sees the preview and sends it; the
// log shows it as the customer sees it, ticked, and WhatsApp got the template request.
import { expect, test } from "./fixtures";
import { messageLog, openConversation, tickOf } from "./inbox-page";

const unixSecondsAgo = (seconds: number) => String(Math.floor(Date.now() / 1000) - seconds);

test("an agent sends a template to a customer silent for 25 hours", async ({ signedInPage, sendWebhook, uniquePhone, graph }) => {
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Tara Template", text: "Do you ship to Norway?", timestamp: unixSecondsAgo(25 * 3600) });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Tara Template", "Do you ship to Norway?");
  await expect(page.getByText(/only delivers templates/)).toContainText("Templates");

  // The dialog is keyboard-usable: Escape closes it and focus goes back to the button.
  const opener = page.getByRole("button", { name: "Templates", exact: true });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Send a template" });
  await expect(dialog.getByRole("searchbox", { name: "Search templates" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  await page.keyboard.press("Enter");
  await dialog.getByRole("searchbox", { name: "Search templates" }).fill("order update");
  await expect(dialog.getByRole("radio")).toHaveCount(1);
  await dialog.getByRole("radio", { name: /order update/ }).check();
  // {{1}} follows "Hi": the customer's first name, filled in already.
  await expect(dialog.getByRole("textbox", { name: "Variable 1" })).toHaveValue("Tara");
  await dialog.getByRole("textbox", { name: "Variable 2" }).fill("#10234");
  const text = "Hi Tara, your order #10234 is on its way. Reply here if you have any questions.";
  await expect(dialog.getByRole("region", { name: "Preview" })).toContainText(text);
  await dialog.getByRole("button", { name: "Send template" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(messageLog(page).getByRole("group", { name: "Template" })).toContainText(text);
  await expect(tickOf(page, text, "sent")).toBeVisible();
  const sent = graph.sends().filter((request) => (request.body as { to?: string }).to === phone);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.body).toMatchObject({
    type: "template",
    template: { name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Tara" }, { type: "text", text: "#10234" }] }] },
  });
});

test("a template with a media header, named variables and a link button asks for each, names a mistake, and shows as sent", async ({
  signedInPage,
  sendWebhook,
  uniquePhone,
  graph,
}) => {
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Nadia Named", text: "Where is my parcel?", timestamp: unixSecondsAgo(30 * 3600) });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Nadia Named", "Where is my parcel?");

  await page.getByRole("button", { name: "Templates", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Send a template" });
  await dialog.getByRole("radio", { name: /delivery window/ }).check();
  // Named variables are labelled by their names; {{first_name}} is the customer's.
  await expect(dialog.getByRole("textbox", { name: "first_name" })).toHaveValue("Nadia");
  await dialog.getByRole("textbox", { name: "order_id" }).fill("#2231");
  await dialog.getByRole("textbox", { name: "Link ending for “Track the parcel”" }).fill("2231");

  // "window" is still empty: Send names it and queues nothing.
  await dialog.getByRole("button", { name: "Send template" }).click();
  await expect(dialog.getByRole("textbox", { name: "window" })).toHaveAccessibleDescription("Fill in every variable");
  expect(graph.sends().filter((request) => (request.body as { to?: string }).to === phone)).toHaveLength(0);
  await dialog.getByRole("textbox", { name: "window" }).fill("today between 2 and 4");

  const preview = dialog.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("Delivery of #2231");
  await expect(preview).toContainText("Hi Nadia, your parcel arrives today between 2 and 4.");
  await expect(preview.getByRole("list", { name: "Buttons" })).toContainText("Track the parcel");
  await dialog.getByRole("button", { name: "Send template" }).click();
  await expect(dialog).toHaveCount(0);

  const sentTemplate = messageLog(page).getByRole("group", { name: "Template" });
  await expect(sentTemplate).toContainText("Delivery of #2231");
  await expect(sentTemplate.getByRole("list", { name: "Buttons" })).toContainText("Change the time");
  await expect(tickOf(page, "Hi Nadia, your parcel arrives today between 2 and 4.", "sent")).toBeVisible();
  const [sent] = graph.sends().filter((request) => (request.body as { to?: string }).to === phone);
  expect(sent!.body).toMatchObject({
    template: {
      name: "delivery_window",
      components: [
        { type: "header", parameters: [{ type: "text", parameter_name: "order_id", text: "#2231" }] },
        {
          type: "body",
          parameters: [
            { type: "text", parameter_name: "first_name", text: "Nadia" },
            { type: "text", parameter_name: "window", text: "today between 2 and 4" },
          ],
        },
        { type: "button", sub_type: "url", index: "1", parameters: [{ type: "text", text: "2231" }] },
      ],
    },
  });
});
