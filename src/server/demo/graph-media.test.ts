// The simulated WhatsApp takes media uploads and sends by media id as the Cloud API does
// (testing/fixtures/whatsapp/media-upload-response.json, send-image-request.json), and refuses
// what WhatsApp refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulatedWhatsApp, type SimulatedWhatsApp } from "./simulated-whatsapp";

let simulator: SimulatedWhatsApp;
// Status webhooks never fall due during these tests; stop() drops them.
beforeAll(async () => {
  simulator = await startSimulatedWhatsApp({ webhookUrl: "http://127.0.0.1:9/unused", appSecret: "s", statusDelaysMs: { sent: 600_000, delivered: 600_000, read: 600_000 } });
});
afterAll(() => simulator.stop());

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${simulator.baseUrl}/200000000000002/${path}`, { method: "POST", headers: { authorization: `Bearer ${simulator.accessToken}`, ...headers }, body });

function uploadForm(type: string, bytes: number) {
  const form = new FormData();
  form.set("messaging_product", "whatsapp");
  form.set("type", type);
  form.set("file", new Blob([new Uint8Array(bytes)], { type }), "file");
  return form;
}

const imageSend = (id: string) =>
  JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to: "15550109876", type: "image", image: { id, caption: "Label" }, biz_opaque_callback_data: "m1" });

describe("the simulated WhatsApp's media", () => {
  it("answers an upload with a media id and accepts a send by that id", async () => {
    const uploaded = await post("media", uploadForm("image/jpeg", 1000));
    expect(uploaded.status).toBe(200);
    const { id } = (await uploaded.json()) as { id: string };
    expect(id).toMatch(/^\d+$/);
    const sent = await post("messages", imageSend(id), { "content-type": "application/json" });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject({ messages: [{ id: expect.stringMatching(/^wamid\./) }] });
  });

  it("refuses a photo over 5 MB, a type WhatsApp does not take, and a send of an unknown media id", async () => {
    expect((await post("media", uploadForm("image/jpeg", 5_000_001))).status).toBe(400);
    expect((await post("media", uploadForm("application/x-msdownload", 10))).status).toBe(400);
    const unknown = await post("messages", imageSend("123"), { "content-type": "application/json" });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toMatch(/not a media id/);
  });
});
