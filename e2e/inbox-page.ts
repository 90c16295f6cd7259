// Finding things on the inbox page by the accessible names DESIGN.md gives them.
import { expect, type Locator, type Page } from "@playwright/test";

export const conversationLink = (page: Page, name: string): Locator =>
  page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: new RegExp(name) });

export const messageLog = (page: Page): Locator => page.getByRole("log", { name: "Messages" });

export const messageBox = (page: Page): Locator => page.getByRole("textbox", { name: "Message" });

/** The log entry (bubble, author, status line) of the message with this text. */
export const messageItem = (page: Page, text: string): Locator =>
  messageLog(page).getByRole("listitem").filter({ hasText: text });

export const tickOf = (page: Page, text: string, status: string): Locator =>
  messageItem(page, text).getByRole("img", { name: `Status: ${status}` });

/**
 * Scrolls the conversation list down until the row of `contactName` is rendered, as someone would:
 * the list renders only the rows near the view, so an older conversation in a long shared test
 * inbox is not in the page until the list is scrolled to it.
 */
export async function scrollListTo(page: Page, contactName: string): Promise<Locator> {
  const link = conversationLink(page, contactName);
  const list = page.getByRole("navigation", { name: "Conversations" });
  await expect(async () => {
    if ((await link.count()) > 0) return;
    await list.hover();
    await page.mouse.wheel(0, 500);
    expect(await link.count()).toBeGreaterThan(0);
  }).toPass({ timeout: 20_000 });
  return link;
}

/** Opens a conversation from the list and waits until its history and the live stream are there. */
export async function openConversation(page: Page, contactName: string, lastText: string): Promise<string> {
  await page.goto("/inbox");
  await (await scrollListTo(page, contactName)).click();
  await page.waitForURL(/\/inbox\/[^/]+$/);
  await expect(messageLog(page).getByText(lastText)).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Live");
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}

/** Writes a reply in the composer and sends it with Enter. */
export async function sendReply(page: Page, text: string): Promise<void> {
  const box = messageBox(page);
  await box.fill(text);
  await box.press("Enter");
  await expect(box).toHaveValue("");
}
