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

test("a file pasted into the Message box or dropped on the conversation is attached like one chosen with Attach", async ({ signedInPage, sendWebhook, uniquePhone, graph }) => {
  const from = uniquePhone();
  const name = "Paste Dropper";
  await sendWebhook({ from, name, text: "Can you send the invoice and the label?" });
  const page = await signedInPage("agent@example.com", "agent");
  await openConversation(page, name, "Can you send the invoice and the label?");
  const files = (file: { name: string; type: string; base64: string }) =>
    page.evaluateHandle(({ name: fileName, type, base64 }) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      transfer.items.add(new File([bytes], fileName, { type }));
      return transfer;
    }, file);

  // Pasted: the browser hands the file to the box's paste event, as a screenshot pasted from the clipboard would.
  const pdf = await files({ name: "invoice.pdf", type: "application/pdf", base64: Buffer.from("%PDF-1.4\n%%EOF").toString("base64") });
  await page.getByRole("textbox", { name: "Message" }).evaluate((box, clipboardData) => {
    box.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  }, pdf);
  await expect(page.getByText("invoice.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Remove attachment" }).click();
  await expect(page.getByRole("textbox", { name: "Message" })).toBeFocused();

  // Dropped anywhere on the conversation.
  const png = await files({ name: "label.png", type: "image/png", base64: PNG.toString("base64") });
  const conversation = page.getByRole("region", { name });
  await conversation.dispatchEvent("dragover", { dataTransfer: png });
  await conversation.dispatchEvent("drop", { dataTransfer: png });
  await expect(page.getByRole("img", { name: "Preview of label.png" })).toBeVisible();
  await page.getByLabel("Caption").fill("Your label, dropped in");
  await page.getByLabel("Caption").press("Enter");
  await expect(tickOf(page, "Your label, dropped in", "sent")).toBeVisible();
  expect(graph.uploads().at(-1)).toMatchObject({ type: "image/png", filename: "label.png", size: PNG.length });
});
