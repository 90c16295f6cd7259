// GET/HEAD /api/media/<messageId> against the real server and the fake Graph API on loopback: a
// signed media webhook goes in, the bytes come out only for a signed-in user who may see the
// conversation, verified, and from the disk cache the second time.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { FakeMedia } from "../../../testing/fake-graph";
import { testApp } from "../../../testing/test-app";
import { prismaFor } from "../../../testing/test-database";
import { signIn } from "../../../testing/session";
import { waitFor } from "../../../testing/wait";
import { DEFAULT_PHONE_NUMBER_ID, imageMessage, mediaMessage, postWebhook, textMessage } from "../../../testing/webhook";
import { inboxFolderName } from "./cache";

let phoneCounter = 0;
let defaultInboxId: string;

const app = testApp({ fakeGraph: true, signIn: ["admin", "agent"] });

beforeAll(async () => {
  const prisma = prismaFor(app.server.databaseUrl);
  defaultInboxId = (await prisma.inbox.findUniqueOrThrow({ where: { phoneNumberId: DEFAULT_PHONE_NUMBER_ID } })).id;
  await prisma.$disconnect();
});

const mediaDir = () => path.join(app.server.dataDir, "media");
const hexOf = (media: FakeMedia) => Buffer.from(media.sha256, "base64").toString("hex");
/** Media is cached per inbox; every test here writes to the default one. */
const cachedFile = (media: FakeMedia) => path.join(mediaDir(), inboxFolderName(defaultInboxId), hexOf(media));
const graphCalls = (media: FakeMedia) => app.graph.requests.filter((request) => request.path.endsWith(`/${media.id}`)).length;
const getMedia = (messageId: string, cookie?: string, init: RequestInit = {}) =>
  fetch(`${app.server.url}/api/media/${messageId}`, { ...init, headers: { ...(cookie ? { cookie } : {}), ...init.headers } });

/** Posts a signed delivery from a new customer and returns the id of the one message in it. */
async function deliver(payload: ReturnType<typeof textMessage>): Promise<string> {
  expect((await postWebhook(app.server.url, app.server.appSecret, payload)).status).toBe(200);
  const waId = (payload.entry[0]!.changes[0]!.value as { contacts: { wa_id: string }[] }).contacts[0]!.wa_id;
  const conversation = (await app.admin.client.conversation.list.query()).items.find((item) => item.contact.waId === waId);
  if (!conversation) throw new Error(`no conversation for ${waId}`);
  const page = await app.admin.client.conversation.messages.query({ conversationId: conversation.id });
  return page.messages.at(-1)!.id;
}
const newCustomer = () => `1555020${String(++phoneCounter).padStart(4, "0")}`;

describe("GET /api/media/<messageId>", () => {
  let photo: FakeMedia;
  let photoMessageId: string;

  beforeAll(async () => {
    photo = app.graph.addMedia("image/jpeg", randomBytes(300_000));
    photoMessageId = await deliver(imageMessage({ media: photo, caption: "Damaged box on arrival", from: newCustomer() }));
  });

  it("fetches a new message's media into the cache at once, before anyone opens it", async () => {
    // WhatsApp keeps media for 7 days only: waiting for someone to open it could lose it.
    await waitFor(() => fs.existsSync(cachedFile(photo)), "the photo to be cached");
    const listed = (await app.admin.client.conversation.list.query()).items.find((item) => item.lastPreview === "Damaged box on arrival");
    expect(listed?.lastPreviewType).toBe("image");
    expect(fs.readFileSync(cachedFile(photo)).equals(photo.bytes)).toBe(true);
  });

  it("refuses without a session and sends no bytes", async () => {
    for (const cookie of [undefined, "next-auth.session-token=forged"]) {
      const response = await getMedia(photoMessageId, cookie);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: "Sign in to see media", text: { key: "signInToSeeMedia" } });
    }
  });

  it("serves the verified bytes with the stored type, then serves them from the cache", async () => {
    // Once the fetch right after the webhook is done (as the first test checks), whatever order
    // the tests run in: the only Graph API calls are then its lookup and download.
    await waitFor(() => fs.existsSync(cachedFile(photo)), "the photo to be cached");
    const response = await getMedia(photoMessageId, app.cookie("admin"));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(photo.bytes)).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/jpeg",
      "x-content-type-options": "nosniff",
      "cache-control": expect.stringMatching(/^private, max-age=\d+$/),
    });
    expect(response.headers.get("content-disposition")).toBeNull();
    const calls = app.graph.requests.filter((request) => request.path.endsWith(`/${photo.id}`));
    expect(calls.map((request) => request.authorization)).toEqual([`Bearer ${app.graph.token}`, `Bearer ${app.graph.token}`]);
    expect(fs.readFileSync(cachedFile(photo)).equals(photo.bytes)).toBe(true);

    const again = await getMedia(photoMessageId, app.cookie("admin"));
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(photo.bytes)).toBe(true);
    expect(graphCalls(photo)).toBe(2);
  });

  it("answers HEAD, a byte range and a matching ETag without a body", async () => {
    await getMedia(photoMessageId, app.cookie("admin")).then((response) => response.arrayBuffer());
    const head = await getMedia(photoMessageId, app.cookie("admin"), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("image/jpeg");
    expect(head.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    const partial = await getMedia(photoMessageId, app.cookie("admin"), { headers: { range: "bytes=100-199" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 100-199/${photo.bytes.length}`);
    expect(Buffer.from(await partial.arrayBuffer()).equals(photo.bytes.subarray(100, 200))).toBe(true);

    const etag = head.headers.get("etag")!;
    const notModified = await getMedia(photoMessageId, app.cookie("admin"), { headers: { "if-none-match": etag } });
    expect(notModified.status).toBe(304);
  });

  it("refuses a file that does not match the announced SHA-256, and caches nothing", async () => {
    const corrupt = app.graph.addMedia("image/jpeg", randomBytes(5000), { corrupt: true });
    const downloads = () => app.graph.requests.filter((request) => request.path === `/media-bytes/${corrupt.id}`).length;
    const messageId = await deliver(imageMessage({ media: corrupt, from: newCustomer() }));
    // The fetch right after the webhook is refused first.
    const refusedInLog = () => app.server.output().split("\n").some((line) => line.includes("media download failed") && line.includes("checksum"));
    await waitFor(() => downloads() === 1 && refusedInLog(), "the prefetch to be refused");
    const response = await getMedia(messageId, app.cookie("admin"));
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: string }).error).toMatch(/SHA-256/);
    expect(fs.existsSync(cachedFile(corrupt))).toBe(false);
    expect(fs.readdirSync(path.join(mediaDir(), "tmp"))).toEqual([]);
    // Nothing was kept: asking again downloads again, and is refused again.
    expect((await getMedia(messageId, app.cookie("admin"))).status).toBe(502);
    expect(downloads()).toBe(3);
  });

  it("serves documents as a download with a safe file name", async () => {
    const pdf = app.graph.addMedia("application/pdf", Buffer.from("%PDF-1.7 an invoice"));
    const messageId = await deliver(mediaMessage({ type: "document", media: pdf, filename: "../Relatório \"final\".pdf", from: newCustomer() }));
    const response = await getMedia(messageId, app.cookie("admin"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Relatorio final.pdf"; filename*=UTF-8''Relat%C3%B3rio%20final.pdf`,
    );
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe("%PDF-1.7 an invoice");
  });

  it("answers 404 for an unknown message or one without media, and 400 for a malformed id", async () => {
    const unknown = await getMedia(randomUUID(), app.cookie("admin"));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "Media not found", text: { key: "mediaNotFound" } });
    const textId = await deliver(textMessage({ text: "just words", from: newCustomer() }));
    expect((await getMedia(textId, app.cookie("admin"))).status).toBe(404);
    expect((await getMedia("not%20an%20id", app.cookie("admin"))).status).toBe(400);
  });
});

describe("who may see media", () => {
  const OTHER_PHONE_NUMBER_ID = "300000000000003";

  beforeAll(async () => {
    // A second inbox the demo agent is not a member of (admins see every inbox).
    const db = prismaFor(app.server.databaseUrl);
    try {
      await db.inbox.create({ data: { id: randomUUID(), name: "Sales", phoneNumberId: OTHER_PHONE_NUMBER_ID } });
    } finally {
      await db.$disconnect();
    }
  });

  it("lets an agent see media in their inbox but not in another one, which the admin sees", async () => {
    const own = app.graph.addMedia("image/png", randomBytes(1000));
    const ownId = await deliver(imageMessage({ media: own, from: newCustomer() }));
    expect((await getMedia(ownId, app.cookie("agent"))).status).toBe(200);

    const other = app.graph.addMedia("image/png", randomBytes(1000));
    const otherId = await deliver(imageMessage({ media: other, from: newCustomer(), phoneNumberId: OTHER_PHONE_NUMBER_ID }));
    const refused = await getMedia(otherId, app.cookie("agent"));
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: "Media not found", text: { key: "mediaNotFound" } });
    expect((await getMedia(otherId, app.cookie("admin"))).status).toBe(200);
  });
});

describe("a cache from before media was kept per inbox", () => {
  it("is moved into the folder of the inbox that announced each file at the next start, and served from there", async () => {
    const old = app.graph.addMedia("image/jpeg", randomBytes(2000));
    const messageId = await deliver(imageMessage({ media: old, from: newCustomer() }));
    await waitFor(() => fs.existsSync(cachedFile(old)), "the photo to be cached");
    // Put it where the old layout kept it, and make the Graph API forget it: only the cache has it.
    const legacy = path.join(mediaDir(), hexOf(old));
    fs.renameSync(cachedFile(old), legacy);
    app.graph.requests.length = 0;

    await app.server.restart();
    expect(fs.existsSync(legacy)).toBe(false);
    expect(fs.readFileSync(cachedFile(old)).equals(old.bytes)).toBe(true);
    const response = await getMedia(messageId, await signIn(app.server.url, "admin@example.com", "admin"));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(old.bytes)).toBe(true);
    expect(graphCalls(old)).toBe(0);
  });
});
