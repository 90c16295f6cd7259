import { describe, expect, it } from "vitest";
import { encodeText, said } from "./server-text";
import { splitReason } from "./failure-reason";

describe("a failed reply's reason", () => {
  it("keeps WhatsApp's error code apart from its words", () => {
    expect(splitReason("(#100) Param text['body'] is invalid (100)")).toEqual({ text: "(#100) Param text['body'] is invalid", code: "100" });
  });

  it("reads our own reason as a text to word, with the code of the error it explains", () => {
    expect(splitReason(`${encodeText(said("sendWindowClosed"))} (131047)`)).toEqual({ text: { key: "sendWindowClosed" }, code: "131047" });
    const gaveUp = encodeText(said("sendGaveUp", { attempts: 8, reason: encodeText(said("sendUnreachable", { code: "ECONNREFUSED" })) }));
    expect(splitReason(gaveUp)).toEqual({ text: { key: "sendGaveUp", values: { attempts: 8, reason: expect.stringContaining("sendUnreachable") } }, code: null });
  });

  it("leaves a reason without a code whole, and has none when there is none", () => {
    expect(splitReason("Something WhatsApp said")).toEqual({ text: "Something WhatsApp said", code: null });
    expect(splitReason(null)).toEqual({ text: null, code: null });
    expect(splitReason("  ").code).toBeNull();
  });
});
