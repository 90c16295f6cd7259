import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isValidSignature, sameSecret, signBody } from "./signature";

const fixtures = path.resolve(import.meta.dirname, "../../../testing/fixtures/whatsapp");
const FIXTURE_SECRET = "fixture_app_secret_not_real";

function fixtureSignatures(): [string, string][] {
  return fs
    .readFileSync(path.join(fixtures, "SIGNATURES.txt"), "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => line.trim().split(/\s+/) as [string, string]);
}

describe("webhook signatures", () => {
  it.each(fixtureSignatures())("accepts Meta's signature of %s over its exact bytes", (file, header) => {
    const body = fs.readFileSync(path.join(fixtures, file));
    expect(isValidSignature(body, header, FIXTURE_SECRET)).toBe(true);
  });

  it("rejects a body changed by one byte", () => {
    const [file, header] = fixtureSignatures()[0]!;
    const body = Buffer.from(fs.readFileSync(path.join(fixtures, file)));
    body.writeUInt8(body.readUInt8(body.length - 2) ^ 1, body.length - 2);
    expect(isValidSignature(body, header, FIXTURE_SECRET)).toBe(false);
  });

  it("rejects a missing header, a wrong secret and a missing secret", () => {
    const body = Buffer.from('{"a":1}');
    const header = signBody(body, "right");
    expect(isValidSignature(body, null, "right")).toBe(false);
    expect(isValidSignature(body, header, "wrong")).toBe(false);
    expect(isValidSignature(body, header, undefined)).toBe(false);
    expect(isValidSignature(body, "sha256=abc", "right")).toBe(false);
    expect(isValidSignature(body, header, "right")).toBe(true);
  });
});

describe("the verify token check", () => {
  it("accepts only the exact token, and nothing when none is configured", () => {
    expect(sameSecret("token-123", "token-123")).toBe(true);
    expect(sameSecret("token-124", "token-123")).toBe(false);
    expect(sameSecret("token-12", "token-123")).toBe(false);
    expect(sameSecret("", "token-123")).toBe(false);
    expect(sameSecret(null, "token-123")).toBe(false);
    expect(sameSecret("anything", undefined)).toBe(false);
  });
});
