// The reply box: keyboard first, never sends nothing or too much, grows without pushing the
// conversation around, and warns when WhatsApp's 24-hour window is closed.
import { expect, test } from "./fixtures";
import { conversationLink, messageBox, messageLog, openConversation, sendReply, tickOf } from "./inbox-page";

const unixSecondsAgo = (seconds: number) => String(Math.floor(Date.now() / 1000) - seconds);

test("Enter sends, Shift+Enter starts a new line, and blank or too long text is not sent", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  await sendWebhook({ from: uniquePhone(), name: "Kai Keyboard", text: "Quick question" });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Kai Keyboard", "Quick question");
  const box = messageBox(page);
  const send = page.getByRole("button", { name: "Send", exact: true });
  const outbound = messageLog(page).getByRole("img", { name: /^Status: / });

  // Blank: nothing happens, from Enter or the button.
  await box.fill("   \n  ");
  await box.press("Enter");
  await expect(send).toBeDisabled();
  await send.click({ force: true });
  await expect(outbound).toHaveCount(0);

  // Shift+Enter is a new line; the box grows with it, up to a limit.
  await box.fill("");
  const oneLine = (await box.boundingBox())!.height;
  await box.pressSequentially("First line");
  await box.press("Shift+Enter");
  await box.pressSequentially("second line");
  await expect(box).toHaveValue("First line\nsecond line");
  await expect.poll(async () => (await box.boundingBox())!.height).toBeGreaterThan(oneLine);
  await box.fill(Array.from({ length: 30 }, (_, index) => `line ${index}`).join("\n"));
  const tall = (await box.boundingBox())!.height;
  expect(tall).toBeLessThanOrEqual(161);
  await box.press("Enter");
  await expect(tickOf(page, "line 29", "sent")).toBeVisible();
  await expect(box).toHaveValue("");
  await expect(box).toBeFocused();
  await expect.poll(async () => (await box.boundingBox())!.height).toBe(oneLine);

  // Over WhatsApp's limit: a count and an error, and Enter does nothing.
  await box.fill("x".repeat(4_100));
  await expect(page.getByText("4,100 / 4,096")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Too long for WhatsApp" })).toBeVisible();
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await box.press("Enter");
  await expect(send).toBeDisabled();
  await expect(outbound).toHaveCount(1);

  // Trimmed back under the limit, it sends.
  await box.fill("x".repeat(4_096));
  await expect(send).toBeEnabled();
  await box.press("Enter");
  await expect(outbound).toHaveCount(2);
});

test("the composer says when the customer last wrote, and offers templates instead of free text outside the 24-hour window", async ({
  signedInPage,
  sendWebhook,
  uniquePhone,
}) => {
  const phone = uniquePhone();
  await sendWebhook({ from: phone, name: "Wanda Window", text: "Is the blue one back in stock?", timestamp: unixSecondsAgo(2 * 24 * 3600) });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Wanda Window", "Is the blue one back in stock?");

  // Read with the way to reach the customer, not announced over everything else at each opening.
  const warning = page.getByText(/only delivers templates/);
  await expect(warning).toContainText("Customer last wrote 2 days ago");
  const templates = page.getByRole("button", { name: "Templates", exact: true });
  await expect(templates).toHaveAccessibleDescription(/outside WhatsApp’s 24-hour customer service window/);
  await expect(page.getByRole("alert").filter({ hasText: "only delivers templates" })).toHaveCount(0);

  // No free-form reply box, and no Attach: WhatsApp would refuse both. A private note still works.
  await expect(messageBox(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Attach" })).toHaveCount(0);
  await page.getByRole("button", { name: "Private note" }).click();
  const noteBox = page.getByRole("textbox", { name: "Private note" });
  await noteBox.fill("Check the stock in the back room first");
  await noteBox.press("Enter");
  await expect(messageLog(page).getByText("Check the stock in the back room first")).toBeVisible();
  await page.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(messageBox(page)).toHaveCount(0);

  // The customer writes again: the window opens, live, and the box is back.
  await sendWebhook({ from: phone, name: "Wanda Window", text: "Yes please!" });
  await expect(messageLog(page).getByText("Yes please!")).toBeVisible();
  await expect(warning).toHaveCount(0);
  await expect(page.getByText("Customer last wrote just now")).toBeVisible();
  await sendReply(page, "It is! Shall I reserve one?");
  await expect(tickOf(page, "It is! Shall I reserve one?", "sent")).toBeVisible();
});

test("an unsent reply stays with its conversation as a draft, across switching and reloading, until it is sent", async ({
  signedInPage,
  sendWebhook,
  uniquePhone,
}) => {
  await sendWebhook({ from: uniquePhone(), name: "Dora Draft", text: "Can you check my order?" });
  await sendWebhook({ from: uniquePhone(), name: "Ezra Elsewhere", text: "Another question" });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Dora Draft", "Can you check my order?");
  await messageBox(page).fill("Let me look that up for y");

  await conversationLink(page, "Ezra Elsewhere").click();
  await expect(messageLog(page).getByText("Another question")).toBeVisible();
  await expect(messageBox(page)).toHaveValue("");

  await conversationLink(page, "Dora Draft").click();
  await expect(messageLog(page).getByText("Can you check my order?")).toBeVisible();
  await expect(messageBox(page)).toHaveValue("Let me look that up for y");
  await page.reload();
  await expect(messageBox(page)).toHaveValue("Let me look that up for y");

  await messageBox(page).pressSequentially("ou");
  await messageBox(page).press("Enter");
  await expect(tickOf(page, "Let me look that up for you", "sent")).toBeVisible();
  await page.reload();
  await expect(messageLog(page).getByText("Let me look that up for you")).toBeVisible();
  await expect(messageBox(page)).toHaveValue("");
});
