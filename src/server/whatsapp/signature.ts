// Meta signs each webhook delivery: X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256 of the raw
// request body with the app secret. Verified over the exact bytes, before anything is parsed.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export function signBody(body: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;
}

export function isValidSignature(
  body: Uint8Array,
  header: string | null | undefined,
  appSecret: string | undefined,
): boolean {
  // No secret configured means nothing can be verified, so nothing is accepted.
  if (!appSecret || !header) return false;
  const expected = Buffer.from(signBody(body, appSecret), "utf8");
  const given = Buffer.from(header.trim().toLowerCase(), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Whether a secret someone sent equals ours, in time that does not depend on where they differ
 * (both are hashed first, so their lengths do not show either).
 */
export function sameSecret(given: string | null | undefined, expected: string | undefined): boolean {
  if (!expected || given === null || given === undefined) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}
