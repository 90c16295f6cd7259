import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { matchesSha256, parseSha256 } from "./digest";

const bytes = Buffer.from("a photo of a damaged box");
const digest = createHash("sha256").update(bytes).digest();

describe("parseSha256", () => {
  it("reads the base64 that webhooks announce and the hex that the Graph API answers", () => {
    expect(parseSha256(digest.toString("base64"))).toEqual(digest);
    expect(parseSha256(digest.toString("hex"))).toEqual(digest);
    expect(parseSha256(digest.toString("hex").toUpperCase())).toEqual(digest);
  });

  it("reads base64 without padding and URL-safe base64", () => {
    expect(parseSha256(digest.toString("base64").replace(/=$/, ""))).toEqual(digest);
    expect(parseSha256(digest.toString("base64url"))).toEqual(digest);
  });

  it("refuses what is not a SHA-256", () => {
    for (const value of ["", "abc", digest.toString("hex").slice(2), `${digest.toString("hex")}00`, "z".repeat(64), createHash("sha1").update(bytes).digest("base64"), `${digest.toString("base64")}==`]) {
      expect(parseSha256(value), value).toBeNull();
    }
  });
});

describe("matchesSha256", () => {
  it("matches the same digest in either encoding", () => {
    expect(matchesSha256(digest.toString("base64"), digest)).toBe(true);
    expect(matchesSha256(digest.toString("hex"), digest)).toBe(true);
  });

  it("does not match other bytes, or an announcement it cannot read", () => {
    const other = createHash("sha256").update("tampered").digest();
    expect(matchesSha256(digest.toString("base64"), other)).toBe(false);
    expect(matchesSha256(digest.toString("hex"), other)).toBe(false);
    expect(matchesSha256("not a digest", digest)).toBe(false);
    expect(matchesSha256(digest.toString("base64"), digest.subarray(0, 16))).toBe(false);
  });
});
