// Sending a photo from the dashboard: the Attach button, a progress bar while it uploads, its
// preview and a caption, then the photo in the log with its tick; a file WhatsApp would refuse is
// refused before anything is uploaded.
import { expect, test } from "./fixtures";
import { messageItem, messageLog, openConversation, tickOf } from "./inbox-page";

/** A real 1×1 PNG, so the browser can decode it. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test("attach a photo, see it upload, caption it, send it and see its tick", async ({ signedInPage, sendWebhook, uniquePhone, graph }) => {
  const from = uniquePhone();
  await sendWebhook({ from, name: "Label Wanter", text: "Could you send me the label?" });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Label Wanter", "Could you send me the label?");

  // Hold the upload's answer, so the progress bar is seen however fast loopback is.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/uploads**", async (route) => {
    await held;
    await route.continue();
  });
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach" }).click();
  await (await chooser).setFiles({ name: "label.png", mimeType: "image/png", buffer: PNG });

  await expect(page.getByRole("progressbar", { name: "Uploading label.png" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Preview of label.png" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove attachment" })).toBeVisible();
  await page.getByLabel("Caption").fill("Your parcel label");
  release();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await page.getByLabel("Caption").press("Enter");

  const photo = messageItem(page, "Your parcel label").getByRole("group", { name: "Photo" });
  await expect(photo.getByRole("img", { name: "Your parcel label" })).toBeVisible();
  await expect(tickOf(page, "Your parcel label", "sent")).toBeVisible();
  await expect.poll(() => photo.getByRole("img", { name: "Your parcel label" }).evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);
  expect(graph.uploads().at(-1)).toMatchObject({ type: "image/png", filename: "label.png", size: PNG.length });
  // The composer is back for the next reply, with the keyboard in it.
  await expect(page.getByRole("textbox", { name: "Message" })).toBeFocused();
});

test("a file WhatsApp would refuse is refused at once, and a removed one is gone", async ({ signedInPage, sendWebhook, uniquePhone, graph }) => {
  const from = uniquePhone();
  await sendWebhook({ from, name: "Exe Sender", text: "Here is my program" });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, "Exe Sender", "Here is my program");
  const uploadsBefore = graph.uploads().length;

  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach" }).click();
  await (await chooser).setFiles({ name: "setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") });
  await expect(page.getByRole("alert").filter({ hasText: "WhatsApp can't send setup.exe" })).toBeVisible();

  const again = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach" }).click();
  await (await again).setFiles({ name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(5_000_001) });
  await expect(page.getByRole("alert").filter({ hasText: "at most 5 MB" })).toBeVisible();

  const third = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach" }).click();
  await (await third).setFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
  await page.getByRole("button", { name: "Remove attachment" }).click();
  await expect(page.getByRole("button", { name: "Remove attachment" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Message" })).toBeFocused();
  await expect(messageLog(page).getByRole("group", { name: "Document" })).toHaveCount(0);
  expect(graph.uploads().length).toBe(uploadsBefore);
});
