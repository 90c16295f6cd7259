// The media send bodies against the documented shape (testing/fixtures/whatsapp/send-image-request.json).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { judgeAttachment } from "@/shared/media-kinds";
import { messageRequestBody, UnsendableMessageError } from "./request-body";
import { english } from "../i18n/english";

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../testing/fixtures/whatsapp", name), "utf8"));

const details = (extra: Record<string, string>) => JSON.stringify({ sha256: "a".repeat(64), mimeType: "image/jpeg", filename: "label.jpg", ...extra });

describe("media message bodies", () => {
  it("sends a photo by its media id with its caption", () => {
    const id = "7d9e4a52-3c1b-4f0e-9a57-2b8d6c1e0f43";
    const body = messageRequestBody("200000000000002", "15550109876", { id, type: "image", body: "Your parcel label", details: details({ mediaId: "1037543291543636" }) });
    expect(body).toEqual(fixture("send-image-request.json"));
  });

  it("names a document's file, and gives audio no caption", () => {
    const doc = messageRequestBody("1", "15550109876", { id: "m", type: "document", body: "Invoice", details: details({ mediaId: "9", filename: "invoice.pdf" }) });
    expect(doc).toMatchObject({ type: "document", document: { id: "9", caption: "Invoice", filename: "invoice.pdf" } });
    const audio = messageRequestBody("1", "15550109876", { id: "m", type: "audio", body: "", details: details({ mediaId: "9" }) });
    expect(audio).toMatchObject({ type: "audio", audio: { id: "9" } });
  });

  it("refuses to send a file that was not uploaded", () => {
    expect(() => messageRequestBody("1", "15550109876", { id: "m", type: "image", body: "", details: details({}) })).toThrow(UnsendableMessageError);
  });
});

describe("WhatsApp's limits per kind", () => {
  it("takes a photo up to 5 MB, and refuses a larger one or an unknown type with a sentence", () => {
    expect(judgeAttachment({ type: "image/jpeg", size: 5_000_000, name: "a.jpg" })).toMatchObject({ ok: true, kind: "image" });
    const tooBig = judgeAttachment({ type: "image/jpeg", size: 5_000_001, name: "a.jpg" });
    expect(tooBig).toMatchObject({ ok: false, status: 413 });
    expect(!tooBig.ok && english(tooBig.error)).toBe("a.jpg is 5 MB; WhatsApp takes a photo of at most 5 MB.");
    const unknownType = judgeAttachment({ type: "application/x-msdownload", size: 10, name: "a.exe" });
    expect(unknownType).toMatchObject({ ok: false, status: 415 });
    expect(!unknownType.ok && english(unknownType.error)).toMatch(/^WhatsApp can't send a\.exe \(application\/x-msdownload\): send a JPEG/);
    const nameless = judgeAttachment({ type: "", size: 10, name: "" });
    expect(!nameless.ok && english(nameless.error)).toMatch(/^WhatsApp can't send this file \(unknown type\)/);
    expect(judgeAttachment({ type: "application/pdf", size: 50_000_000, name: "a.pdf" })).toMatchObject({ ok: true, kind: "document" });
    expect(judgeAttachment({ type: "video/mp4", size: 16_000_001, name: "a.mp4" })).toMatchObject({ ok: false, status: 413 });
  });
});
