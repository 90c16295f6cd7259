// Inbound media in the conversation view: a photo is a thumbnail with its caption that opens the
// full image, a file that fails its checksum says "Photo unavailable", a document is a labelled
// download. This spec starts its own server wired to a fake Graph API (testing/), so it does not
// depend on the shared fixtures' server.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { startFakeGraph, type FakeGraph } from "../testing/fake-graph";
import { startServer, type RunningServer } from "../testing/server";
import { signIn } from "../testing/session";
import { imageMessage, mediaMessage, postWebhook } from "../testing/webhook";

/** A real 1×1 PNG, so the browser can decode it. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

let graph: FakeGraph;
let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  graph = await startFakeGraph();
  server = await startServer({ env: { WHATSAPP_ACCESS_TOKEN: graph.token, WHATSAPP_API_BASE_URL: graph.baseUrl } });
});
test.afterAll(async () => {
  await server?.stop();
  await graph?.stop();
});

async function openConversation(page: Page, name: string) {
  const cookie = await signIn(server.url, "agent@example.com", "agent");
  await page.context().addCookies(
    cookie.split("; ").map((pair) => {
      const [cookieName, ...value] = pair.split("=");
      return { name: cookieName!, value: value.join("="), url: server.url };
    }),
  );
  await page.goto(`${server.url}/inbox`);
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: new RegExp(name) }).click();
  return page.getByRole("log", { name: "Messages" });
}

async function deliver(payload: unknown) {
  expect((await postWebhook(server.url, server.appSecret, payload)).status).toBe(200);
}

test("a photo shows as a thumbnail with its caption and opens in full in a new tab", async ({ page }) => {
  const photo = graph.addMedia("image/png", PNG);
  await deliver(imageMessage({ media: photo, caption: "Damaged box on arrival", from: "15550301001", name: "Photo Sender" }));

  const log = await openConversation(page, "Photo Sender");
  const group = log.getByRole("group", { name: "Photo" });
  const image = group.getByRole("img", { name: "Damaged box on arrival" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(1);
  await expect(group.getByText("Damaged box on arrival", { exact: true })).toBeVisible();
  // The box keeps its size whatever the image: the log does not jump when it loads.
  expect(await image.boundingBox()).toMatchObject({ width: 256, height: 192 });

  const link = group.getByRole("link");
  await expect(link).toHaveAttribute("target", "_blank");
  const [full] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
  await full.waitForLoadState();
  expect(full.url()).toMatch(/\/api\/media\/[\w-]+$/);
});

test("a photo that fails its checksum reads 'Photo unavailable' instead of a broken image", async ({ page }) => {
  // Bytes of its own: the cache is keyed by content, and the PNG above is already verified there.
  const corrupt = graph.addMedia("image/png", randomBytes(64), { corrupt: true });
  await deliver(imageMessage({ media: corrupt, caption: "Blurry receipt", from: "15550301002", name: "Corrupt Sender" }));

  const log = await openConversation(page, "Corrupt Sender");
  const group = log.getByRole("group", { name: "Photo" });
  await expect(group.getByText("Photo unavailable")).toBeVisible();
  await expect(group.getByRole("img")).toHaveCount(0);
  await expect(group.getByText("Blurry receipt")).toBeVisible();
});

test("a document is a download link named by its file and type", async ({ page }) => {
  const pdf = graph.addMedia("application/pdf", Buffer.from("%PDF-1.7 an invoice"));
  await deliver(mediaMessage({ type: "document", media: pdf, filename: "invoice-0042.pdf", from: "15550301003", name: "Document Sender" }));

  const log = await openConversation(page, "Document Sender");
  const link = log.getByRole("group", { name: "Document" }).getByRole("link", { name: "Download invoice-0042.pdf (PDF)" });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("invoice-0042.pdf");
});
