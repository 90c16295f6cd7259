// Which app secret signed a webhook delivery, and which of its numbers that secret speaks for.
// WHATSAPP_APP_SECRET signs for every inbox without a secret of its own; an inbox with its own
// (an app of another Meta business) is signed with that one. A delivery is accepted when any known
// secret signed it, but only the changes for numbers whose secret that is are applied: one app
// cannot write into another app's inbox.
//
// Read from the database on each delivery, not cached: the table is a handful of rows, and a
// secret changed on one server must count on every other at once. Only opening the sealed values
// is remembered, by sealed value (secrets/sealed.ts): a changed secret is a new value.
import { readInboxSecrets } from "../db/hot-reads";
import { env } from "../env";
import { unsealCached } from "../secrets/sealed";
import { isValidSignature } from "./signature";

export interface SignedBy {
  /** Whether the secret that signed the delivery speaks for this phone number id. */
  speaksFor(phoneNumberId: string): boolean;
}

/** What signed `body`, or null when no configured secret did (or none is configured at all). */
export async function findSigner(body: Uint8Array, header: string | null): Promise<SignedBy | null> {
  const inboxes = (await readInboxSecrets()).map((inbox) => ({ ...inbox, appSecret: unsealCached(inbox.appSecret) }));
  return signerAmong(body, header, env().WHATSAPP_APP_SECRET, inboxes);
}

/** The pure part of findSigner, for unit tests. */
export function signerAmong(
  body: Uint8Array,
  header: string | null,
  defaultSecret: string | undefined,
  inboxes: readonly { phoneNumberId: string; appSecret: string | null }[],
): SignedBy | null {
  const candidates = new Set([defaultSecret, ...inboxes.map((inbox) => inbox.appSecret)]);
  let secret: string | undefined;
  for (const candidate of candidates) {
    if (candidate && isValidSignature(body, header, candidate)) secret = candidate;
  }
  if (!secret) return null;
  const own = new Map(inboxes.map((inbox) => [inbox.phoneNumberId, inbox.appSecret]));
  return { speaksFor: (phoneNumberId) => (own.get(phoneNumberId) ?? defaultSecret) === secret };
}
