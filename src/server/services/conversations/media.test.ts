// The media service in-process, against a real SQLite file and the fake Graph API on loopback:
// which target it fetches from (demo mode without a simulator has none), and one download for
// many simultaneous requests. The HTTP contract is in ../media/media-route.int.test.ts.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../../../../testing/fake-graph";
import { createTempDatabase } from "../../../../testing/temp-db";
import { imageMessage, textMessage } from "../../../../testing/webhook";
import type { SessionUser } from "../../auth/session-user";

const database = createTempDatabase();
delete process.env.WHATSAPP_ACCESS_TOKEN; // demo mode: media comes from the simulator, if any
const { db } = await import("../../db/client");
const { bootstrap } = await import("../../bootstrap");
const { ingestDelivery } = await import("../../whatsapp/ingest");
const { ZWebhookPayload } = await import("../../whatsapp/payload");
const { registerSimulatedGraph } = await import("../../whatsapp/graph-target");
const { MediaUnavailableError, openMessageMedia } = await import("./media");
const { NotFoundError } = await import("../errors");

let graph: FakeGraph;
let admin: SessionUser;

beforeAll(async () => {
  graph = await startFakeGraph();
  await bootstrap();
  const row = await db().read.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
  admin = { id: row.id, email: row.email, name: row.name, role: "admin" };
});
afterAll(async () => {
  registerSimulatedGraph(undefined);
  await graph.stop();
  fs.rmSync(database.dir, { recursive: true, force: true });
});

/** Stores a delivery through the webhook's own ingest and returns the id of its message. */
async function ingest(payload: ReturnType<typeof textMessage>): Promise<string> {
  await ingestDelivery(ZWebhookPayload.parse(payload));
  const wamid = (payload.entry[0]!.changes[0]!.value as { messages: { id: string }[] }).messages[0]!.id;
  return (await db().read.message.findUniqueOrThrow({ where: { wamid } })).id;
}

const bytesDownloads = (mediaId: string) => graph.requests.filter((request) => request.path === `/media-bytes/${mediaId}`).length;

describe("openMessageMedia", () => {
  it("says media can't be fetched in demo mode before the simulator runs, and fetches once it does", async () => {
    const media = graph.addMedia("image/jpeg", randomBytes(2048));
    const messageId = await ingest(imageMessage({ media, caption: "Demo photo" }));
    await expect(openMessageMedia(admin, messageId)).rejects.toBeInstanceOf(MediaUnavailableError);
    expect(graph.requests).toHaveLength(0);

    registerSimulatedGraph({ baseUrl: graph.baseUrl, accessToken: graph.token });
    const file = await openMessageMedia(admin, messageId);
    expect(fs.readFileSync(file.path).equals(media.bytes)).toBe(true);
    expect(path.dirname(path.dirname(file.path))).toBe(path.join(database.dir, "media"));
    expect(file).toMatchObject({ contentType: "image/jpeg", inline: true, size: 2048 });
  });

  it("downloads a file once however many ask for it at the same time", async () => {
    const media = graph.addMedia("video/mp4", randomBytes(8 * 1024 * 1024));
    const messageId = await ingest(imageMessage({ media }));
    const files = await Promise.all(Array.from({ length: 8 }, () => openMessageMedia(admin, messageId)));
    expect(new Set(files.map((file) => file.path)).size).toBe(1);
    expect(bytesDownloads(media.id)).toBe(1);
    expect(fs.readdirSync(path.join(database.dir, "media", "tmp"))).toEqual([]);
  });

  it("finds no media for a text message or an unknown id", async () => {
    const textId = await ingest(textMessage({ text: "no media here" }));
    await expect(openMessageMedia(admin, textId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openMessageMedia(admin, "no-such-message")).rejects.toBeInstanceOf(NotFoundError);
  });
});
