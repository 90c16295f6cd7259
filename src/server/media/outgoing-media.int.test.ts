// Sending a file through the real server: POST /api/uploads, message.sendMedia over tRPC, the
// outbox worker uploading it to the fake Graph API and sending it by media id, and the file served
// back from /api/media/<messageId>. Also what is refused, and by whom.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { errorReply, gate, type RecordedUpload } from "../../../testing/fake-graph";
import { postLargeBody } from "../../../testing/large-body";
import { testApp } from "../../../testing/test-app";
import { prismaFor } from "../../../testing/test-database";
import { signIn } from "../../../testing/session";
import { waitFor } from "../../../testing/wait";
import { postWebhook, textMessage } from "../../../testing/webhook";

const OTHER_PHONE_NUMBER_ID = "300000000000004";
let phone = 15550400000;

// A short lease: on PostgreSQL a restarted process waits for the lease of a job it was sending to
// run out before taking it back (another worker could hold it), as the crash test below needs.
const app = testApp({ fakeGraph: true, env: { OUTBOX_LEASE_MS: "4000" }, signIn: ["agent", "admin"] });

beforeAll(async () => {
  const prisma = prismaFor(app.server.databaseUrl);
  try {
    // A second inbox the demo agent is not a member of.
    await prisma.inbox.create({ data: { id: randomUUID(), name: "Sales", phoneNumberId: OTHER_PHONE_NUMBER_ID } });
  } finally {
    await prisma.$disconnect();
  }
});
afterEach(() => app.graph.reset());

async function newConversation(phoneNumberId?: string) {
  const from = String(phone++);
  await postWebhook(app.server.url, app.server.appSecret, textMessage({ from, name: "Customer", text: "Can you send the label?", ...(phoneNumberId ? { phoneNumberId } : {}) }));
  const conversation = (await app.admin.client.conversation.list.query()).items.find((item) => item.contact.waId === from);
  if (!conversation) throw new Error("conversation not created");
  return { id: conversation.id, waId: from };
}

function upload(conversationId: string, bytes: Buffer, type: string, filename: string, cookie = app.cookie("agent")) {
  return fetch(`${app.server.url}/api/uploads?conversationId=${encodeURIComponent(conversationId)}`, {
    method: "POST",
    headers: { cookie, "content-type": type, "x-filename": encodeURIComponent(filename) },
    body: new Uint8Array(bytes),
  });
}

const uploadsTo = () => app.graph.requests.filter((request) => request.path.endsWith("/media")).length;
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function statusOf(conversationId: string, id: string) {
  const page = await app.agent.client.conversation.messages.query({ conversationId, limit: 100 });
  return page.messages.find((message) => message.id === id);
}

describe("sending a photo", () => {
  it("uploads it, sends it by media id with its caption, gets its tick, and serves it back", async () => {
    const conversation = await newConversation();
    const photo = randomBytes(200_000);
    const uploaded = await upload(conversation.id, photo, "image/jpeg", "label.jpg");
    expect(uploaded.status).toBe(201);
    const answer = (await uploaded.json()) as { uploadId: string; kind: string; size: number };
    expect(answer).toMatchObject({ kind: "image", size: photo.length, filename: "label.jpg", mimeType: "image/jpeg" });
    expect(uploadsTo()).toBe(0); // nothing reaches WhatsApp before the app.agent sends

    const id = randomUUID();
    const message = await app.agent.client.message.sendMedia.mutate({ conversationId: conversation.id, id, uploadId: answer.uploadId, caption: "Your parcel label" });
    expect(message).toMatchObject({ type: "image", body: "Your parcel label", direction: "outbound", status: "queued" });
    expect(message.details).toMatchObject({ sha256: sha256(photo), mimeType: "image/jpeg", filename: "label.jpg" });
    // The list previews it by type and caption; each dashboard words "📷 Photo" in its language.
    expect(await app.agent.client.conversation.get.query({ id: conversation.id })).toMatchObject({ lastPreviewType: "image", lastPreview: "Your parcel label" });

    await waitFor(async () => (await statusOf(conversation.id, id))?.status === "sent", "the photo to be sent");
    const upload1 = app.graph.uploads().at(-1)!;
    expect(upload1).toMatchObject({ messagingProduct: "whatsapp", type: "image/jpeg", filename: "label.jpg", size: photo.length, sha256Hex: sha256(photo) });
    const sent = app.graph.sends().find((request) => (request.body as { to?: string }).to === conversation.waId);
    expect(sent?.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: conversation.waId,
      type: "image",
      image: { id: upload1.id, caption: "Your parcel label" },
      biz_opaque_callback_data: id,
    });
    // Upload first, then the send by its id.
    const order = app.graph.requests.map((request) => request.path);
    expect(order.lastIndexOf(`/v21.0/200000000000002/media`)).toBeLessThan(order.lastIndexOf(`/v21.0/200000000000002/messages`));

    const served = await fetch(`${app.server.url}/api/media/${id}`, { headers: { cookie: app.cookie("agent") } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await served.arrayBuffer()).equals(photo)).toBe(true);

    // The same send again (a retried click) is the same message; the upload is used up.
    const again = await app.agent.client.message.sendMedia.mutate({ conversationId: conversation.id, id, uploadId: answer.uploadId, caption: "Your parcel label" });
    expect(again.id).toBe(id);
    await expect(app.agent.client.message.sendMedia.mutate({ conversationId: conversation.id, id: randomUUID(), uploadId: answer.uploadId })).rejects.toThrow(/attach it again/);
  });

  it("does not upload twice when the send fails after the upload and is retried", async () => {
    const conversation = await newConversation();
    const uploadsBefore = uploadsTo();
    const answer = (await (await upload(conversation.id, randomBytes(5000), "application/pdf", "invoice.pdf")).json()) as { uploadId: string };
    app.graph.script({ status: 400, body: errorReply(131053, "Media upload error", "Something went wrong"), to: conversation.waId });
    const id = randomUUID();
    await app.agent.client.message.sendMedia.mutate({ conversationId: conversation.id, id, uploadId: answer.uploadId, caption: "Invoice" });
    await waitFor(async () => (await statusOf(conversation.id, id))?.status === "failed", "the send to fail");

    await app.agent.client.message.retry.mutate({ messageId: id });
    await waitFor(async () => (await statusOf(conversation.id, id))?.status === "sent", "the retried send");
    expect(uploadsTo() - uploadsBefore).toBe(1);
    const sends = app.graph.sends().filter((request) => (request.body as { to?: string }).to === conversation.waId);
    expect(sends).toHaveLength(2);
    expect(sends.map((request) => (request.body as { document: unknown }).document)).toEqual([
      { id: app.graph.uploads().at(-1)!.id, caption: "Invoice", filename: "invoice.pdf" },
      { id: app.graph.uploads().at(-1)!.id, caption: "Invoice", filename: "invoice.pdf" },
    ]);
  });
});

describe("what is refused", () => {
  it("refuses a photo over 5 MB before anything is stored or sent, and any body over the route's limit with 413", async () => {
    const conversation = await newConversation();
    const before = app.graph.requests.length;
    const tooLarge = await upload(conversation.id, Buffer.alloc(5_000_001, 1), "image/jpeg", "big.jpg");
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: string }).error).toMatch(/at most 5 MB/);

    const huge = await postLargeBody(`${app.server.url}/api/uploads?conversationId=${conversation.id}`, {
      bytes: 200 * 1024 * 1024,
      headers: { cookie: app.cookie("agent"), "content-type": "application/pdf", "x-filename": "huge.pdf" },
    });
    expect(huge.status).toBe(413);
    expect(huge.written).toBeLessThan(200 * 1024 * 1024);
    expect(app.graph.requests.length).toBe(before);
  });

  it("refuses a type WhatsApp does not take", async () => {
    const conversation = await newConversation();
    const refused = await upload(conversation.id, Buffer.from("MZ..."), "application/x-msdownload", "setup.exe");
    expect(refused.status).toBe(415);
    expect(((await refused.json()) as { error: string }).error).toMatch(/can't send setup\.exe/);
  });

  it("lets no one upload to, or read a file of, a conversation they cannot see", async () => {
    const hidden = await newConversation(OTHER_PHONE_NUMBER_ID);
    expect((await upload(hidden.id, randomBytes(100), "image/png", "a.png")).status).toBe(404);

    // The admin sends a file there; the agent cannot read it back.
    const adminCookie = await signIn(app.server.url, "admin@example.com", "admin");
    const answer = (await (await upload(hidden.id, randomBytes(100), "image/png", "a.png", adminCookie)).json()) as { uploadId: string };
    const id = randomUUID();
    await app.admin.client.message.sendMedia.mutate({ conversationId: hidden.id, id, uploadId: answer.uploadId });
    expect((await fetch(`${app.server.url}/api/media/${id}`, { headers: { cookie: app.cookie("agent") } })).status).toBe(404);
    expect((await fetch(`${app.server.url}/api/media/${id}`, { headers: { cookie: adminCookie } })).status).toBe(200);
    // Nor use someone else's upload.
    const other = (await (await upload(hidden.id, randomBytes(100), "image/png", "b.png", adminCookie)).json()) as { uploadId: string };
    await expect(app.agent.client.message.sendMedia.mutate({ conversationId: hidden.id, id: randomUUID(), uploadId: other.uploadId })).rejects.toThrow(/not found/i);
    expect((await fetch(`${app.server.url}/api/uploads?conversationId=${hidden.id}`, { method: "POST", body: "x" })).status).toBe(401);
  });
});

describe("uploads nobody sends", () => {
  it("are capped per user, and swept after a day", async () => {
    const conversation = await newConversation();
    const adminCookie = await signIn(app.server.url, "admin@example.com", "admin");
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await upload(conversation.id, randomBytes(10), "text/plain", `note-${i}.txt`, adminCookie)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(20);

    // A day later they are gone, and there is room again.
    const root = path.join(app.server.dataDir, "media", "uploads");
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    for (const folder of fs.readdirSync(root)) {
      for (const name of fs.readdirSync(path.join(root, folder))) fs.utimesSync(path.join(root, folder, name), dayAgo, dayAgo);
    }
    expect((await upload(conversation.id, randomBytes(10), "text/plain", "later.txt", adminCookie)).status).toBe(201);
    const left = fs.readdirSync(root).flatMap((folder) => fs.readdirSync(path.join(root, folder)));
    expect(left.filter((name) => name.endsWith(".json"))).toHaveLength(1);
  });
});

describe("a crash while uploading", () => {
  // Last in this file: it restarts the server.
  it("uploads the file again after the restart and sends it once, never in doubt", async () => {
    const conversation = await newConversation();
    const held = gate();
    app.graph.holdUploads(held.opened);
    const answer = (await (await upload(conversation.id, randomBytes(3000), "image/jpeg", "crash.jpg")).json()) as { uploadId: string };
    const id = randomUUID();
    await app.agent.client.message.sendMedia.mutate({ conversationId: conversation.id, id, uploadId: answer.uploadId });
    const attemptsAt = () => app.graph.requests.filter((request) => request.path.endsWith("/media") && (request.body as RecordedUpload).filename === "crash.jpg");
    await waitFor(() => attemptsAt().length === 1, "the upload to reach WhatsApp");

    // Killed while WhatsApp holds the answer: the media id never reached the database.
    const restarted = app.server.restart("SIGKILL");
    app.graph.holdUploads(Promise.resolve());
    await restarted;
    held.open();

    await waitFor(async () => (await statusOf(conversation.id, id))?.status === "sent", "the file to be sent after the restart", 20_000);
    expect(attemptsAt()).toHaveLength(2);
    expect(app.graph.sends().filter((request) => (request.body as { to?: string }).to === conversation.waId)).toHaveLength(1);
    expect((await statusOf(conversation.id, id))?.statusReason).toBeNull();
  });
});
