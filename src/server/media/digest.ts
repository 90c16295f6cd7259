// WhatsApp announces a media file's SHA-256 as base64 in webhooks but as hex in the Graph API's
// media lookup. Both are read into raw bytes here, so the comparison does not care which it got.
import { timingSafeEqual } from "node:crypto";

const SHA256_BYTES = 32;

/** The 32 digest bytes from a base64 (standard or URL-safe) or hex string; null for anything else. */
export function parseSha256(announced: string): Buffer | null {
  const text = announced.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, "hex");
  // 32 bytes are 43 base64 characters plus one "=" of padding, which some senders leave out.
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length === SHA256_BYTES) return bytes;
  }
  return null;
}

/** True when the announced digest (base64 or hex) is exactly these digest bytes. */
export function matchesSha256(announced: string, actual: Buffer): boolean {
  const expected = parseSha256(announced);
  return expected !== null && actual.length === SHA256_BYTES && timingSafeEqual(expected, actual);
}
