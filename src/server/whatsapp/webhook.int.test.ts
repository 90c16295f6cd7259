// The webhook endpoint over real HTTP against the real server: the contract in DESIGN.md.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { testApp } from "../../../testing/test-app";
import { waitFor } from "../../../testing/wait";
import { postWebhook, textMessage } from "../../../testing/webhook";
import { signBody } from "./signature";

const METRICS_TOKEN = `test-metrics-token-${Date.now()}`;

const app = testApp({ env: { METRICS_TOKEN }, signIn: ["admin"] });
/** GET /api/metrics as a scraper with `token` sends it. */
const scrape = (token = METRICS_TOKEN) => fetch(`${app.server.url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });

const conversations = async () => (await app.admin.client.conversation.list.query()).items;
const post = (body: string, headers: Record<string, string>) =>
  fetch(`${app.server.url}/api/webhooks/whatsapp`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("GET /api/webhooks/whatsapp (Meta's verification)", () => {
  it("echoes the challenge as plain text for the right token", async () => {
    const response = await fetch(`${app.server.url}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${app.server.verifyToken}&hub.challenge=1158201444`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe("1158201444");
  });

  it("answers 403 for a wrong token or mode", async () => {
    expect((await fetch(`${app.server.url}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)).status).toBe(403);
    expect((await fetch(`${app.server.url}/api/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=${app.server.verifyToken}&hub.challenge=1`)).status).toBe(403);
  });
});

describe("POST /api/webhooks/whatsapp", () => {
  it("rejects, and stores nothing, without a valid signature, with bad JSON, the wrong shape or a huge body", async () => {
    const body = JSON.stringify(textMessage({ text: "should not be stored" }));
    const unsigned = await post(body, {});
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get("content-type")).toBe("application/json");
    expect(await unsigned.json()).toEqual({ error: "Invalid or missing X-Hub-Signature-256" });
    expect((await post(body, { "x-hub-signature-256": signBody(body, "not the secret") })).status).toBe(401);

    const notJson = "{ this is not json";
    expect((await post(notJson, { "x-hub-signature-256": signBody(notJson, app.server.appSecret) })).status).toBe(400);

    const wrongShape = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: "200000000000002" }, messages: [{ id: "wamid.NOFROM" }] } }] }] });
    const shapeResponse = await post(wrongShape, { "x-hub-signature-256": signBody(wrongShape, app.server.appSecret) });
    expect(shapeResponse.status).toBe(400);
    expect(((await shapeResponse.json()) as { error: string }).error).toMatch(/messages/);

    const huge = JSON.stringify({ ...textMessage({ text: "big" }), padding: "x".repeat(1024 * 1024) });
    expect((await post(huge, { "x-hub-signature-256": signBody(huge, app.server.appSecret) })).status).toBe(413);

    expect(await conversations()).toEqual([]);
  });

  it("answers any other method 405, naming the ones it takes, and stores nothing", async () => {
    const body = JSON.stringify(textMessage({ text: "sent with PUT" }));
    const response = await fetch(`${app.server.url}/api/webhooks/whatsapp`, { method: "PUT", headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, app.server.appSecret) }, body });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
    expect(((await response.json()) as { error: string }).error).toMatch(/PUT/);
    expect(await conversations()).toEqual([]);
  });

  it("answers 200 and stores nothing for an unknown phone number id", async () => {
    const response = await postWebhook(app.server.url, app.server.appSecret, textMessage({ text: "wrong number", phoneNumberId: "999" }));
    expect(response.status).toBe(200);
    expect(await conversations()).toEqual([]);
  });

  it("stores a message once, however often WhatsApp retries it, and serves times in UTC ISO 8601", async () => {
    const payload = textMessage({ from: "15550001111", name: "Ana Lúcia", text: "Olá 📦 مرحبا", timestamp: "1767225600" });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await postWebhook(app.server.url, app.server.appSecret, payload)).status).toBe(200);
    }
    const [conversation, ...others] = await conversations();
    expect(others).toEqual([]);
    expect(conversation).toMatchObject({ contact: { name: "Ana Lúcia", waId: "15550001111" }, lastPreview: "Olá 📦 مرحبا", lastMessageAt: "2026-01-01T00:00:00.000Z", unreadCount: 1 });
    const page = await app.admin.client.conversation.messages.query({ conversationId: conversation!.id });
    expect(page.messages.map((message) => message.body)).toEqual(["Olá 📦 مرحبا"]);
  });

  it("stores every message of every change and entry in one delivery, unknown types included", async () => {
    const first = textMessage({ from: "15550002222", text: "one" });
    const second = textMessage({ from: "15550003333", text: "two" });
    const unknown = textMessage({ from: "15550003333", text: "unused" });
    const unknownMessage = unknown.entry[0]!.changes[0]!.value as unknown as { messages: Record<string, unknown>[] };
    unknownMessage.messages = [{ from: "15550003333", id: "wamid.UNKNOWN1", timestamp: "1767225700", type: "hologram", hologram: { depth: 3 } }];
    const delivery = { ...first, entry: [first.entry[0]!, { ...second.entry[0]!, changes: [...second.entry[0]!.changes, ...unknown.entry[0]!.changes] }] };

    const response = await postWebhook(app.server.url, app.server.appSecret, delivery);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ messagesStored: 3 });

    const list = await conversations();
    const third = list.find((conversation) => conversation.contact.waId === "15550003333")!;
    const page = await app.admin.client.conversation.messages.query({ conversationId: third.id });
    expect(page.messages.map((message) => message.type).sort()).toEqual(["text", "unsupported"]);
  });

  it("stores nothing from a sender gone half-way through its body, lets the handler end, and goes on answering", async () => {
    const handled = async (status: number) => {
      const text = await (await scrape()).text();
      return Number(new RegExp(`^switchboard_webhook_duration_seconds_count\\{status="${status}"\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    };
    const before = await handled(400);
    const body = JSON.stringify(textMessage({ from: "15550107101", text: "cut off half-way" }));
    const socket = net.connect(Number(new URL(app.server.url).port), "127.0.0.1");
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    socket.write(
      `POST /api/webhooks/whatsapp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Hub-Signature-256: ${signBody(body, app.server.appSecret)}\r\n\r\n${body.slice(0, body.length >> 1)}`,
    );
    // The handler is reading the body when the sender goes away; it ends (as a client error) rather than waiting for ever.
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    await waitFor(async () => (await handled(400)) === before + 1, "the abandoned delivery's handler never ended");

    const after = await postWebhook(app.server.url, app.server.appSecret, textMessage({ from: "15550107102", text: "sent after the cut" }));
    expect(after.status).toBe(200);
    const previews = (await conversations()).map((conversation) => conversation.lastPreview);
    expect(previews).toContain("sent after the cut");
    expect(previews.some((preview) => preview.includes("cut off"))).toBe(false);
  });
});

describe("security headers", () => {
  it("are on pages, route handlers and errors alike: no framing, no sniffing, no referrer to other sites", async () => {
    for (const path of ["/login", "/api/health", "/api/no-such-route", "/no-such-page"]) {
      const response = await fetch(`${app.server.url}${path}`, { redirect: "manual" });
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
      // Served over plain http here: HSTS would be meaningless.
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
    }
    const behindHttpsProxy = await fetch(`${app.server.url}/login`, { headers: { "x-forwarded-proto": "https" } });
    expect(behindHttpsProxy.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});

describe("health and metrics", () => {
  it("reports ok with the database and bus state", async () => {
    const response = await fetch(`${app.server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", db: "ok", bus: "ok", worker: "ok" });
  });

  it("serves Prometheus text to a scraper with the metrics token, and nothing to anyone else", async () => {
    expect((await fetch(`${app.server.url}/api/metrics`)).status).toBe(401);
    expect((await scrape("not-the-token-at-all")).status).toBe(401);
    const response = await scrape();
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^switchboard_webhook_messages_stored_total \d+$/m);
    expect(text).toMatch(/^switchboard_live_subscriptions \d+$/m);
    expect(text).toMatch(/^switchboard_webhook_duration_seconds_count\{status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^switchboard_process_info\{pid="\d+",role="web"\} 1$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it("answers with the caller's request id, or a new one", async () => {
    const given = await fetch(`${app.server.url}/api/health`, { headers: { "x-request-id": "proxy-42.a_b" } });
    expect(given.headers.get("x-request-id")).toBe("proxy-42.a_b");
    const refused = await fetch(`${app.server.url}/api/health`, { headers: { "x-request-id": "not a token" } });
    expect(refused.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
