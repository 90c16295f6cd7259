import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeMessage } from "./normalize";
import { messageChanges, ZWebhookPayload, type TInboundMessage } from "./payload";

const fixtures = path.resolve(import.meta.dirname, "../../../testing/fixtures/whatsapp");
const load = (file: string) => ZWebhookPayload.parse(JSON.parse(fs.readFileSync(path.join(fixtures, file), "utf8")));
const base = { from: "15550109876", id: "wamid.X", timestamp: "1767225600" };
const message = (fields: Record<string, unknown>) => ({ ...base, ...fields }) as TInboundMessage;

describe("payload parsing", () => {
  it("reads every documented fixture", () => {
    // The deliveries are the signed files (SIGNATURES.txt); the others are Graph API requests and answers.
    const signed = fs
      .readFileSync(path.join(fixtures, "SIGNATURES.txt"), "utf8")
      .split("\n")
      .flatMap((line) => (line.startsWith("#") || !line.trim() ? [] : [line.split(/\s+/)[0]!]));
    expect(signed.length).toBeGreaterThan(5);
    for (const file of signed) {
      expect(() => load(file), file).not.toThrow();
    }
  });

  it("keeps emoji and non-Latin text intact", () => {
    const [change] = messageChanges(load("inbound-text.json"));
    const normalized = normalizeMessage(change!.messages![0]!);
    expect(normalized).toMatchObject({ type: "text", body: "Olá! Is order #4821 ready for pickup? 📦" });
    expect(change!.contacts![0]!.profile!.name).toBe("Alex Examplé");
  });

  it("rejects what is not a WhatsApp delivery", () => {
    expect(ZWebhookPayload.safeParse({ object: "page", entry: [] }).success).toBe(false);
    expect(ZWebhookPayload.safeParse({ object: "whatsapp_business_account" }).success).toBe(false);
    const noId = { object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: "2" }, messages: [{ from: "1", timestamp: "1", type: "text" }] } }] }] };
    expect(ZWebhookPayload.safeParse(noId).success).toBe(false);
  });

  it("accepts and skips fields other than messages", () => {
    const payload = ZWebhookPayload.parse({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "account_update", value: { event: "X" } }] }] });
    expect(messageChanges(payload)).toEqual([]);
  });
});

describe("message normalisation", () => {
  it("describes an image by its caption and media fields", () => {
    const [change] = messageChanges(load("inbound-image.json"));
    expect(normalizeMessage(change!.messages![0]!)).toEqual({
      type: "image",
      body: "Damaged box on arrival",
      details: { mediaId: "900000000000101", mimeType: "image/jpeg", sha256: "s6tLu/bPOPsCDPXPEbJIDV9leZJHcaszYhMV5tK2VdU=" },
    });
  });

  it("labels locations, contacts, buttons and reactions", () => {
    expect(normalizeMessage(message({ type: "location", location: { latitude: 38.7, longitude: -9.1, name: "Shop" } }))).toMatchObject({ type: "location", body: "Shop", details: { latitude: "38.7", longitude: "-9.1" } });
    expect(normalizeMessage(message({ type: "contacts", contacts: [{ name: { formatted_name: "Jo Doe" } }] }))).toMatchObject({ type: "contacts", body: "Jo Doe" });
    expect(normalizeMessage(message({ type: "button", button: { text: "Yes" } }))).toMatchObject({ type: "button", body: "Yes" });
    expect(normalizeMessage(message({ type: "interactive", interactive: { type: "list_reply", list_reply: { id: "1", title: "Track order" } } }))).toMatchObject({ body: "Track order" });
    expect(normalizeMessage(message({ type: "reaction", reaction: { message_id: "w", emoji: "👍" } }))).toMatchObject({ type: "reaction", body: "👍" });
  });

  it("stores unknown types, and known types with a broken body, as unsupported", () => {
    expect(normalizeMessage(message({ type: "hologram", hologram: {} })).type).toBe("unsupported");
    expect(normalizeMessage(message({ type: "text", text: { nobody: 1 } })).type).toBe("unsupported");
    expect(normalizeMessage(message({ type: "image" })).type).toBe("unsupported");
  });
});
