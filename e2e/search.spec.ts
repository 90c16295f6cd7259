// Searching from the sidebar: a word of a message finds its conversation with the word marked,
// Enter or a click opens it, and emptying the box brings the conversation list back.
import { conversationLink, messageLog } from "./inbox-page";
import { expect, test } from "./fixtures";

test("a word from a message finds its conversation, marked, and opens it; clearing brings the list back", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const word = `ocelot${Date.now() % 1_000_000}`;
  await sendWebhook({ from: uniquePhone(), name: "Searchable Sara", text: `Is the ${word} lamp back in stock?` });
  await sendWebhook({ from: uniquePhone(), name: "Other Olaf", text: "Nothing to see here" });

  const page = await signedInPage("agent@example.com", "agent");
  await page.goto("/inbox");
  await expect(conversationLink(page, "Other Olaf")).toBeVisible();

  const box = page.getByRole("searchbox", { name: "Search conversations" });
  await box.fill(word.slice(0, -2)); // the start of the word is enough
  const results = page.getByRole("list", { name: "Search results" });
  const result = results.getByRole("link", { name: /Searchable Sara/ });
  await expect(result).toBeVisible();
  await expect(result.locator("mark")).toHaveText(word);
  await expect(results.getByRole("link")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Conversations" })).toHaveCount(0);

  await box.press("Enter");
  await page.waitForURL(/\/inbox\/[^/]+$/);
  await expect(messageLog(page).getByText(`Is the ${word} lamp back in stock?`)).toBeVisible();
  await expect(result).toHaveAttribute("aria-current", "page");

  await box.press("Escape");
  await expect(box).toHaveValue("");
  await expect(box).toBeFocused();
  await expect(conversationLink(page, "Other Olaf")).toBeVisible();
  await expect(conversationLink(page, "Searchable Sara")).toBeVisible();

  await box.fill("olaf");
  await results.getByRole("link", { name: /Other Olaf/ }).click();
  await expect(messageLog(page).getByText("Nothing to see here")).toBeVisible();

  await box.fill(`${word}x`);
  await expect(page.getByText(`No conversations match “${word}x”`)).toBeVisible();
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(conversationLink(page, "Searchable Sara")).toBeVisible();
});

test("open search results follow new messages live", async ({ signedInPage, sendWebhook, uniquePhone }) => {
  const word = `quokka${Date.now() % 1_000_000}`;
  await sendWebhook({ from: uniquePhone(), name: "First Fay", text: `Do you have the ${word} mug?` });
  const page = await signedInPage("agent@example.com", "agent");
  await page.goto("/inbox");
  await expect(page.getByRole("status")).toHaveText("Live");

  await page.getByRole("searchbox", { name: "Search conversations" }).fill(word);
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link")).toHaveCount(1);

  await sendWebhook({ from: uniquePhone(), name: "Second Sid", text: `Same question about the ${word} mug` });
  await expect(results.getByRole("link", { name: /Second Sid/ })).toBeVisible();
  await expect(results.getByRole("link")).toHaveCount(2);
});
