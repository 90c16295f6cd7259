// The shape of a WhatsApp Cloud API webhook delivery, as documented. Objects are loose: WhatsApp
// adds fields over time, and the whole message is kept raw anyway.
import { z } from "zod";

/** 9999-12-31T23:59:59Z: past it, dates stop having four-digit years, which nothing downstream expects. */
const LATEST_UNIX_SECONDS = 253_402_300_799;

const unixSeconds = z
  .string()
  .regex(/^\d{1,12}$/, "must be a unix time in seconds")
  .refine((value) => Number(value) <= LATEST_UNIX_SECONDS, "must be a unix time before the year 10000");

export const ZInboundMessage = z.looseObject({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: unixSeconds,
  type: z.string().min(1),
});
export type TInboundMessage = z.infer<typeof ZInboundMessage>;

export const ZStatusError = z.looseObject({
  code: z.number().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

export const ZStatus = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  // What we sent as biz_opaque_callback_data: our message id.
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(ZStatusError).optional(),
});
export type TStatus = z.infer<typeof ZStatus>;

const ZMessagesValue = z.looseObject({
  messaging_product: z.literal("whatsapp"),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: z.string().min(1),
  }),
  contacts: z
    .array(z.looseObject({ wa_id: z.string().min(1), profile: z.looseObject({ name: z.string() }).optional() }))
    .optional(),
  messages: z.array(ZInboundMessage).optional(),
  statuses: z.array(ZStatus).optional(),
});
export type TMessagesValue = z.infer<typeof ZMessagesValue>;

// Only the "messages" field carries messages and statuses; other subscribed fields (account
// updates, templates…) are accepted and ignored (their value becomes null).
const ZChange = z.looseObject({ field: z.string(), value: z.unknown() }).transform((change, ctx) => {
  if (change.field !== "messages") return { field: change.field, value: null };
  const value = ZMessagesValue.safeParse(change.value);
  if (value.success) return { field: change.field, value: value.data };
  for (const issue of value.error.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: ["value", ...issue.path] });
  }
  return z.NEVER;
});

export const ZWebhookPayload = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.looseObject({ id: z.string(), changes: z.array(ZChange) })),
});
export type TWebhookPayload = z.infer<typeof ZWebhookPayload>;

/** The "messages" changes of a delivery, in order. */
export function messageChanges(payload: TWebhookPayload): TMessagesValue[] {
  const values: TMessagesValue[] = [];
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.value) values.push(change.value);
    }
  }
  return values;
}

/**
 * Messages and statuses one delivery may carry: WhatsApp batches up to 1,000 updates into one
 * delivery. More did not come from it, and would hold the database's write lock for seconds.
 */
export const MAX_UPDATES_PER_DELIVERY = 1000;

/** How many messages and statuses a delivery carries, over all its changes. */
export function updatesIn(payload: TWebhookPayload): number {
  let count = 0;
  for (const change of messageChanges(payload)) count += (change.messages?.length ?? 0) + (change.statuses?.length ?? 0);
  return count;
}
