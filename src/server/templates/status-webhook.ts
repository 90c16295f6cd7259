// The `message_template_status_update` webhook field: WhatsApp approved, paused, rejected or
// disabled one of a business account's templates. The change is applied to each inbox of that
// account whose app secret signed the delivery (one app cannot touch another app's inboxes); a
// template we have not stored yet makes that inbox read its list again.
import { z } from "zod";
import { db } from "../db/client";
import { logger } from "../logger";
import type { SignedBy } from "../whatsapp/app-secrets";
import { businessAccountIdOf } from "./business-account";
import { refreshInBackground } from "./refresh";
import { setTemplateStatus } from "./store";

const ZStatusUpdate = z.looseObject({
  event: z.string().min(1).max(40),
  message_template_name: z.string().min(1).max(512),
  message_template_language: z.string().min(2).max(20),
  reason: z.string().nullish(),
});

const ZDelivery = z.looseObject({
  entry: z.array(z.looseObject({ id: z.string(), changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })) })),
});

export interface TemplateStatusUpdate {
  businessAccountId: string;
  name: string;
  language: string;
  status: string;
}

// A reinstated template is approved again; a flagged one (low quality) can still be sent until
// WhatsApp pauses it, so flagging changes nothing here.
const statusFor = (event: string): string | null => {
  const upper = event.toUpperCase();
  if (upper === "REINSTATED") return "APPROVED";
  if (upper === "FLAGGED") return null;
  return upper;
};

/** The template status updates in a delivery (already checked as a webhook payload); odd ones are skipped. */
export function templateStatusUpdates(json: unknown): TemplateStatusUpdate[] {
  const delivery = ZDelivery.safeParse(json);
  if (!delivery.success) return [];
  const updates: TemplateStatusUpdate[] = [];
  for (const entry of delivery.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== "message_template_status_update") continue;
      const value = ZStatusUpdate.safeParse(change.value);
      const status = value.success ? statusFor(value.data.event) : null;
      if (!value.success || !status) continue;
      updates.push({ businessAccountId: entry.id, name: value.data.message_template_name, language: value.data.message_template_language, status });
    }
  }
  return updates;
}

/** Applies a delivery's template status updates; how many inboxes' templates changed. */
export async function applyTemplateStatusUpdates(json: unknown, signer: SignedBy): Promise<number> {
  const updates = templateStatusUpdates(json);
  if (updates.length === 0) return 0;
  const inboxes = await db().read.inbox.findMany({ select: { id: true, phoneNumberId: true, businessAccountId: true, accessToken: true } });
  let applied = 0;
  for (const update of updates) {
    const owners = inboxes.filter((inbox) => businessAccountIdOf(inbox) === update.businessAccountId && signer.speaksFor(inbox.phoneNumberId));
    if (owners.length === 0) logger.warn("template status update for an unknown business account ignored", { businessAccountId: update.businessAccountId });
    for (const inbox of owners) {
      if (await setTemplateStatus(inbox.id, update.name, update.language, update.status)) applied++;
      else refreshInBackground(inbox.id);
    }
  }
  return applied;
}
