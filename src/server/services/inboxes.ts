// Inboxes by WhatsApp phone number id. Every webhook delivery looks its inbox up and inboxes
// almost never change, so found inboxes are remembered (unknown numbers are asked again each time,
// so a newly added inbox works at once). Whatever changes an inbox must call forgetInboxes().
import { db } from "../db/client";

type InboxRef = { id: string; phoneNumberId: string };

const globalForInboxes = globalThis as typeof globalThis & { __switchboardInboxes?: Map<string, InboxRef> };
const cache = () => (globalForInboxes.__switchboardInboxes ??= new Map());

export async function inboxByPhoneNumberId(phoneNumberId: string): Promise<InboxRef | null> {
  const cached = cache().get(phoneNumberId);
  if (cached) return cached;
  const inbox = await db().read.inbox.findUnique({ where: { phoneNumberId }, select: { id: true, phoneNumberId: true } });
  if (inbox) cache().set(phoneNumberId, inbox);
  return inbox;
}

export function forgetInboxes(): void {
  cache().clear();
}
