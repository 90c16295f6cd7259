// The simulated WhatsApp in-process, against a small webhook receiver that checks signatures the
// way our endpoint does: it answers sends like the Cloud API and then reports sent → delivered →
// read for the new wamid, signed, in the documented shape.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../../testing/wait";
import { ZWebhookPayload } from "../whatsapp/payload";
import { isValidSignature } from "../whatsapp/signature";
import { startSimulatedWhatsApp, type SimulatedWhatsApp } from "./simulated-whatsapp";

const APP_SECRET = "simulator_test_secret";
const PHONE_NUMBER_ID = "200000000000002";

interface Received {
  validSignature: boolean;
  body: unknown;
}

let receiver: Server;
let webhookUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const validSignature = isValidSignature(raw, req.headers["x-hub-signature-256"] as string | undefined, APP_SECRET);
      received.push({ validSignature, body: JSON.parse(raw.toString("utf8")) });
      res.writeHead(validSignature ? 200 : 401).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/whatsapp`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const running: SimulatedWhatsApp[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.stop()));
  received.length = 0;
});

async function simulator(delays = { sent: 20, delivered: 60, read: 120 }) {
  const started = await startSimulatedWhatsApp({ webhookUrl, appSecret: APP_SECRET, statusDelaysMs: delays });
  running.push(started);
  return started;
}

const textSend = (overrides: Record<string, unknown> = {}) => ({
  messaging_product: "whatsapp",
  recipient_type: "individual",
  to: "15550109876",
  type: "text",
  text: { preview_url: false, body: "Your order ships today" },
  biz_opaque_callback_data: "our-message-id-1",
  ...overrides,
});

function send(target: SimulatedWhatsApp, body: unknown, token = target.accessToken, phoneNumberId = PHONE_NUMBER_ID) {
  return fetch(`${target.baseUrl}/${phoneNumberId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("the simulated WhatsApp", () => {
  it("answers a text send like the Cloud API, then posts signed sent, delivered and read webhooks in order", async () => {
    const target = await simulator();
    expect(target.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v\d+\.\d+$/);
    const sentAt = Date.now();
    const response = await send(target, textSend({ to: "+1 555 010 9876" }));
    expect(response.status).toBe(200);
    const reply = (await response.json()) as { messaging_product: string; contacts: unknown[]; messages: Array<{ id: string }> };
    expect(reply).toEqual({
      messaging_product: "whatsapp",
      contacts: [{ input: "+1 555 010 9876", wa_id: "15550109876" }],
      messages: [{ id: expect.stringMatching(/^wamid\.\S+$/) }],
    });
    const wamid = reply.messages[0]!.id;

    await waitFor(() => received.length >= 3, "three status webhooks");
    expect(received).toHaveLength(3);
    expect(received.every((delivery) => delivery.validSignature)).toBe(true);
    const statuses = received.map((delivery) => {
      const payload = ZWebhookPayload.parse(delivery.body);
      const change = payload.entry[0]!.changes[0]!.value!;
      expect(change.metadata.phone_number_id).toBe(PHONE_NUMBER_ID);
      expect(change.statuses).toHaveLength(1);
      return change.statuses![0]!;
    });
    expect(statuses.map((status) => status.status)).toEqual(["sent", "delivered", "read"]);
    for (const status of statuses) {
      expect(status).toMatchObject({ id: wamid, recipient_id: "15550109876", biz_opaque_callback_data: "our-message-id-1" });
      expect(Number(status.timestamp)).toBeGreaterThanOrEqual(Math.floor(sentAt / 1000));
      expect(Number(status.timestamp)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    }
    // As documented: the billing conversation with "sent", pricing with "sent" and "delivered".
    expect(statuses[0]).toMatchObject({
      conversation: { id: expect.any(String), expiration_timestamp: expect.stringMatching(/^\d+$/), origin: { type: "service" } },
      pricing: { billable: false, pricing_model: "PMP", category: "service" },
    });
    expect(statuses[1]).toMatchObject({ pricing: { category: "service" } });
    expect(statuses[2]).not.toHaveProperty("pricing");
  });

  it("refuses a missing or wrong token with 401 and a Graph error, and reports nothing", async () => {
    const target = await simulator();
    for (const token of ["", "not-the-token"]) {
      const response = await send(target, textSend(), token);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { type: "OAuthException", code: 190, message: expect.stringMatching(/access token/) } });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
  });

  it.each([
    ["a body that is not JSON", "{ nope", /not valid JSON/],
    ["no recipient", textSend({ to: undefined }), /Param to is required/],
    ["a recipient that is not a number", textSend({ to: "ana@example.com" }), /Param to must be a phone number/],
    ["too few digits", textSend({ to: "123" }), /Param to must have 6 to 15 digits/],
    ["another product", textSend({ messaging_product: "instagram" }), /Param messaging_product must be "whatsapp"/],
    ["a type it does not send", textSend({ type: "location" }), /Param type must be "text"/],
    ["no text", textSend({ text: undefined }), /Param text is required/],
    ["an empty body", textSend({ text: { body: "" } }), /Param text\.body must not be empty/],
    ["a body over 4,096 characters", textSend({ text: { body: "x".repeat(4097) } }), /Param text\.body must be at most 4096/],
  ])("answers %s with 400 and a Graph error naming the parameter", async (_case, body, details) => {
    const target = await simulator();
    const response = await send(target, body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { error_data: { details: string } } };
    expect(answer).toMatchObject({ error: { message: "(#100) Invalid parameter", type: "OAuthException", code: 100, fbtrace_id: expect.any(String) } });
    expect(answer.error.error_data.details).toMatch(details);
  });

  it("answers paths and methods it has no operation for with a Graph error", async () => {
    const target = await simulator();
    const response = await fetch(`${target.baseUrl}/${PHONE_NUMBER_ID}/media`, { headers: { authorization: `Bearer ${target.accessToken}` } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 100, message: expect.stringMatching(/Unsupported get request/) } });
  });

  it("makes a new token each start, and stops without posting the statuses still due", async () => {
    const target = await simulator({ sent: 150, delivered: 200, read: 250 });
    const other = await simulator();
    expect(other.accessToken).not.toBe(target.accessToken);
    expect((await send(target, textSend())).status).toBe(200);
    await target.stop();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(received).toEqual([]);
    await expect(send(target, textSend())).rejects.toThrow();
  });
});
