import { describe, expect, it } from "vitest";
import { signerAmong } from "./app-secrets";
import { signBody } from "./signature";

const body = new TextEncoder().encode('{"object":"whatsapp_business_account","entry":[]}');
const inboxes = [
  { phoneNumberId: "111", appSecret: null },
  { phoneNumberId: "222", appSecret: "fake-own-secret-222" },
];

describe("signerAmong", () => {
  it("accepts the default secret for inboxes without their own, and unknown numbers", () => {
    const signer = signerAmong(body, signBody(body, "fake-default"), "fake-default", inboxes);
    expect(signer?.speaksFor("111")).toBe(true);
    expect(signer?.speaksFor("999")).toBe(true);
    expect(signer?.speaksFor("222")).toBe(false);
  });

  it("accepts an inbox's own secret for that inbox only", () => {
    const signer = signerAmong(body, signBody(body, "fake-own-secret-222"), "fake-default", inboxes);
    expect(signer?.speaksFor("222")).toBe(true);
    expect(signer?.speaksFor("111")).toBe(false);
  });

  it("rejects a signature made with no known secret, or a missing one", () => {
    expect(signerAmong(body, signBody(body, "someone-else"), "fake-default", inboxes)).toBeNull();
    expect(signerAmong(body, null, "fake-default", inboxes)).toBeNull();
  });

  it("accepts nothing when no secret is configured anywhere", () => {
    const unsigned = [{ phoneNumberId: "111", appSecret: null }];
    expect(signerAmong(body, signBody(body, ""), undefined, unsigned)).toBeNull();
    expect(signerAmong(body, "sha256=", undefined, unsigned)).toBeNull();
  });

  it("works with only per-inbox secrets and no default", () => {
    const signer = signerAmong(body, signBody(body, "fake-own-secret-222"), undefined, inboxes);
    expect(signer?.speaksFor("222")).toBe(true);
    expect(signer?.speaksFor("111")).toBe(false);
  });
});
