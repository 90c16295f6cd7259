// Secrets kept in the database — inbox access tokens, app secrets, two-factor secrets — are stored
// sealed: AES-256-GCM under a key derived from DATA_ENCRYPTION_KEY, which lives in the environment
// and never in the database. A copy of the database (a backup, a dump, a stolen disk image) then
// holds nothing that lets anyone send as the business or sign its webhooks.
//
// Format: "sealed:v1:" + base64url(12-byte nonce ‖ 16-byte tag ‖ ciphertext). The version names the
// scheme so it can change; a value without the prefix is a plaintext one from before sealing,
// which the start-up pass (seal-stored.ts) seals in place.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import { env } from "../env";

const PREFIX = "sealed:v1:";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The key could not open a stored value: a different DATA_ENCRYPTION_KEY, or a damaged value. */
export class UnsealError extends Error {}

let cached: { material: string; key: Buffer } | undefined;

function keyFrom(material: string): Buffer {
  if (cached?.material !== material) {
    // HKDF, so any long random string (like NEXTAUTH_SECRET) makes a proper 256-bit key.
    const key = Buffer.from(hkdfSync("sha256", material, "switchboard", "switchboard data encryption v1", 32));
    cached = { material, key };
  }
  return cached.key;
}

function currentKey(): Buffer {
  const material = env().DATA_ENCRYPTION_KEY;
  if (!material) throw new Error("DATA_ENCRYPTION_KEY is not set (ws-server.ts provides one before anything is stored)");
  return keyFrom(material);
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

export function seal(plain: string, key: Buffer = currentKey()): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

/** The plain value; a legacy plaintext value is returned as it is. Throws UnsealError. */
export function unseal(stored: string, key?: Buffer): string {
  if (!isSealed(stored)) return stored;
  const packed = Buffer.from(stored.slice(PREFIX.length), "base64url");
  if (packed.length < NONCE_BYTES + TAG_BYTES) throw new UnsealError("a sealed secret is damaged");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key ?? currentKey(), packed.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(packed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(packed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new UnsealError("DATA_ENCRYPTION_KEY does not open a secret stored in the database");
  }
}

export const sealOrNull = (plain: string | null | undefined) => (plain == null ? plain : seal(plain));
export const unsealOrNull = (stored: string | null) => (stored === null ? null : unseal(stored));

/** Secrets opened by unsealCached, by their sealed value, with the key that opened them. */
let opened: { key: Buffer; plain: LRUCache<string, string> } | undefined;

/**
 * unsealOrNull for a hot path (the webhook opens every inbox's app secret on each delivery),
 * remembering what it opened. Kept by the sealed value itself, which always opens to the same
 * secret; a changed secret is sealed anew with a fresh nonce, so it is another value and can never
 * be answered with the old one. Bounded (a handful of inboxes), and dropped when the key changes.
 */
export function unsealCached(stored: string | null, key: Buffer = currentKey()): string | null {
  if (stored === null || !isSealed(stored)) return stored;
  if (!opened?.key.equals(key)) opened = { key, plain: new LRUCache({ max: 256 }) };
  let plain = opened.plain.get(stored);
  if (plain === undefined) {
    plain = unseal(stored, key);
    opened.plain.set(stored, plain);
  }
  return plain;
}

/** For tests: a key as the app derives it. */
export const keyForTests = keyFrom;
