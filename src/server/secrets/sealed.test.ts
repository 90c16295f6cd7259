import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealed, keyForTests, seal, unseal, unsealCached, UnsealError } from "./sealed";

const key = keyForTests(randomBytes(32).toString("base64"));
const otherKey = keyForTests(randomBytes(32).toString("base64"));

describe("sealed secrets", () => {
  it("round-trip, and never contain the plain value", () => {
    for (const plain of ["EAAG-fake-token", "", "çé 🔐 ünïcode", "x".repeat(5000)]) {
      const sealed = seal(plain, key);
      expect(isSealed(sealed)).toBe(true);
      if (plain) expect(sealed).not.toContain(plain);
      expect(unseal(sealed, key)).toBe(plain);
    }
  });

  it("seal the same value differently each time (a fresh nonce)", () => {
    expect(seal("same", key)).not.toBe(seal("same", key));
  });

  it("refuse another key and any tampering, with an error naming the setting", () => {
    const sealed = seal("EAAG-fake-token", key);
    expect(() => unseal(sealed, otherKey)).toThrow(UnsealError);
    expect(() => unseal(sealed, otherKey)).toThrow(/DATA_ENCRYPTION_KEY/);
    const bytes = Buffer.from(sealed.slice("sealed:v1:".length), "base64url");
    bytes[bytes.length - 1]! ^= 1;
    expect(() => unseal(`sealed:v1:${bytes.toString("base64url")}`, key)).toThrow(UnsealError);
    expect(() => unseal("sealed:v1:AAAA", key)).toThrow(UnsealError);
  });

  it("pass a plaintext value from before sealing through unchanged", () => {
    expect(unseal("legacy-plain-token", key)).toBe("legacy-plain-token");
  });

  it("remember what they opened by sealed value: a changed secret, another key or a damaged value is never answered from memory", () => {
    const first = seal("app-secret-1", key);
    expect(unsealCached(first, key)).toBe("app-secret-1");
    expect(unsealCached(first, key)).toBe("app-secret-1");
    expect(unsealCached(seal("app-secret-2", key), key)).toBe("app-secret-2");
    expect(() => unsealCached(first, otherKey)).toThrow(UnsealError);
    const damaged = Buffer.from(first.slice("sealed:v1:".length), "base64url");
    damaged[damaged.length - 1]! ^= 1;
    expect(() => unsealCached(`sealed:v1:${damaged.toString("base64url")}`, key)).toThrow(UnsealError);
    expect(unsealCached(null, key)).toBeNull();
    expect(unsealCached("legacy-plain-secret", key)).toBe("legacy-plain-secret");
  });
});
