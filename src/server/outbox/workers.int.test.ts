// Replies sent by several worker processes (`npm run worker`) on PostgreSQL and Redis, to a fake
// Graph API on loopback: each reply sent exactly once, one number's pace held by all workers
// together, a worker killed mid-send leaving its reply in doubt only once its lease ran out, and a
// customer's file fetched by one worker. Runs in the PostgreSQL pass of the integration tests.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { busiestSecond } from "../../../testing/busiest-second";
import { startCluster, type Cluster } from "../../../testing/cluster";
import { startFakeGraph, type FakeGraph } from "../../../testing/fake-graph";
import type { RunningServer } from "../../../testing/server";
import { signIn } from "../../../testing/session";
import { testsOnPostgres } from "../../../testing/test-database";
import { connect } from "../../../testing/trpc";
import { sleep, waitFor } from "../../../testing/wait";
import { imageMessage, postWebhook, textMessage } from "../../../testing/webhook";
import { startWorkerProcess, type WorkerProcess } from "../../../testing/worker-process";
import { englishOf } from "../i18n/english";

const SEND_RATE = 40;
const LEASE_MS = 8_000;

let graph: FakeGraph;
let cluster: Cluster;
let web: RunningServer;
let api: ReturnType<typeof connect>;
let workers: WorkerProcess[] = [];
// Each process keeps its own local state (the media cache), so where a file was fetched shows.
const webDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-web-"));
const workerDataDirs = Array.from({ length: 3 }, () => fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-worker-")));
/** Whether a file of these bytes is in the media cache under `dataDir`. */
const cachedIn = (dataDir: string, sha256Base64: string) => {
  const name = Buffer.from(sha256Base64, "base64").toString("hex");
  const mediaDir = path.join(dataDir, "media");
  return fs.existsSync(mediaDir) && fs.readdirSync(mediaDir, { recursive: true }).some((entry) => path.basename(String(entry)) === name);
};

let nextPhone = 15550400000;
async function newConversation(): Promise<string> {
  const from = String(nextPhone++);
  expect((await postWebhook(web.url, web.appSecret, textMessage({ from, text: "hi" }))).status).toBe(200);
  const conversation = (await api.client.conversation.list.query()).items.find((item) => item.contact.waId === from);
  if (!conversation) throw new Error("no conversation");
  return conversation.id;
}

const sends = () => graph.sends();
const sendsOf = (id: string) => graph.sentMessageIds().filter((sent) => sent === id).length;
const statusOf = async (conversationId: string, id: string) =>
  (await api.client.conversation.messages.query({ conversationId, limit: 100 })).messages.find((message) => message.id === id);

describe.runIf(testsOnPostgres())("several outbox workers", () => {
  beforeAll(async () => {
    graph = await startFakeGraph();
    // The web process sends nothing itself: every reply goes through the worker processes.
    cluster = await startCluster({
      web: 1,
      env: {
        WHATSAPP_ACCESS_TOKEN: graph.token,
        WHATSAPP_API_BASE_URL: graph.baseUrl,
        WHATSAPP_SEND_RATE: String(SEND_RATE),
        OUTBOX_LEASE_MS: String(LEASE_MS),
        WORKER_IN_WEB: "0",
        DATA_DIR: webDataDir,
      },
    });
    web = cluster.web[0]!;
    api = connect(web.url, { cookie: await signIn(web.url, "agent@example.com", "agent") });
    workers = await Promise.all(workerDataDirs.map((dataDir) => startWorkerProcess({ ...cluster.env, DATA_DIR: dataDir })));
  }, 180_000);
  afterAll(async () => {
    api?.close();
    await Promise.all(workers.map((worker) => worker.stop()));
    await cluster?.stop();
    await graph?.stop();
    for (const dir of [webDataDir, ...workerDataDirs]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("fetches a customer's file at once in one worker, and the web process leaves it to them", async () => {
    const photo = graph.addMedia("image/jpeg", randomBytes(50_000));
    const downloads = () => graph.requests.filter((request) => request.path === `/media-bytes/${photo.id}`).length;
    expect((await postWebhook(web.url, web.appSecret, imageMessage({ media: photo, from: String(nextPhone++) }))).status).toBe(200);
    await waitFor(() => downloads() >= 1, "a worker to fetch the photo");
    await sleep(1_000);
    expect(downloads()).toBe(1);
    expect(workerDataDirs.filter((dir) => cachedIn(dir, photo.sha256))).toHaveLength(1);
    expect(cachedIn(webDataDir, photo.sha256)).toBe(false);
  }, 30_000);

  it("sends 300 replies through three workers, each once, never faster than the number's limit", async () => {
    const conversations = await Promise.all(Array.from({ length: 30 }, () => newConversation()));
    const ids: string[] = [];
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        conversations.map(async (conversationId) => {
          const id = randomUUID();
          ids.push(id);
          await api.client.message.send.mutate({ conversationId, id, body: `reply ${round}` });
        }),
      );
    }
    await waitFor(() => new Set(graph.sentMessageIds()).size >= 300, "300 replies sent", 60_000);
    await sleep(500);
    for (const id of ids) expect(sendsOf(id)).toBe(1);
    expect(busiestSecond(sends().map((request) => request.receivedAt))).toBeLessThanOrEqual(SEND_RATE);
  }, 90_000);

  it("sends a reply that two web processes were both asked for (a client retrying elsewhere) once", async () => {
    graph.reset();
    const second = await cluster.add();
    const elsewhere = connect(second.url, { cookie: await signIn(second.url, "agent@example.com", "agent") });
    try {
      const conversationId = await newConversation();
      const id = randomUUID();
      const [first, again] = await Promise.all([
        api.client.message.send.mutate({ conversationId, id, body: "asked of two processes" }),
        elsewhere.client.message.send.mutate({ conversationId, id, body: "asked of two processes" }),
      ]);
      expect(again.id).toBe(first.id);
      await waitFor(async () => (await statusOf(conversationId, id))?.status === "sent", "the reply sent");
      await sleep(1_000);
      expect(sendsOf(id)).toBe(1);
      const log = (await api.client.conversation.messages.query({ conversationId, limit: 100 })).messages;
      expect(log.filter((message) => message.id === id)).toHaveLength(1);
    } finally {
      elsewhere.close();
    }
  }, 60_000);

  it("leaves a reply whose worker died mid-send alone until the lease runs out, then in doubt, never sent twice", async () => {
    graph.reset();
    graph.setSendDelay(30_000); // WhatsApp holds its answer: the send stays under way
    const conversationId = await newConversation();
    const id = randomUUID();
    await api.client.message.send.mutate({ conversationId, id, body: "interrupted" });
    await waitFor(() => sendsOf(id) === 1, "the send under way");
    const killedAt = Date.now();
    // Every worker dies (the one sending among them), and a new one starts at once.
    for (const worker of workers) process.kill(worker.pid, "SIGKILL");
    graph.setSendDelay(0);
    workers = [await startWorkerProcess(cluster.env)];
    if (Date.now() - killedAt < LEASE_MS - 1_000) {
      // A worker starting is no reason to doubt another's send: still queued for the dashboard.
      expect((await statusOf(conversationId, id))?.status).toBe("queued");
    }
    await waitFor(async () => (await statusOf(conversationId, id))?.status === "failed", "in doubt once the lease ran out", LEASE_MS + 10_000);
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(LEASE_MS - 1_000);
    expect(englishOf((await statusOf(conversationId, id))!.statusReason!)).toMatch(/interrupted/);
    await sleep(1_000);
    expect(sendsOf(id)).toBe(1);
  }, 60_000);
});
