// The one home for building WhatsApp webhook deliveries in the documented shape
// (../shared/fixtures/whatsapp/) and posting them signed the way Meta's servers do. The simulated
// WhatsApp, "Simulate customer", the demo seed, `npm run simulate` and the tests all build here,
// so the shape our webhook is tested against is the shape the demo sends.
import { randomBytes } from "node:crypto";
import { signBody } from "../whatsapp/signature";

/** The WhatsApp Business Account and display number the demo's deliveries claim to come from. */
export const DEMO_BUSINESS_ACCOUNT_ID = "100000000000001";
export const DEMO_DISPLAY_PHONE_NUMBER = "15550101234";

/** A new message id in WhatsApp's `wamid.` form; `tag` tells who made it when reading the database. */
export const newWamid = (tag = "SIM") => `wamid.${tag}${randomBytes(12).toString("hex").toUpperCase()}`;

/** Webhooks carry times as unix seconds in a string. */
export const unixSeconds = (at: Date | number = Date.now()) => String(Math.floor(Number(at) / 1000));

export interface WebhookDelivery {
  object: "whatsapp_business_account";
  entry: Array<{ id: string; changes: Array<{ field: "messages"; value: Record<string, unknown> }> }>;
}

/** One delivery with one "messages" change for `phoneNumberId` carrying `value`. */
export function webhookDelivery(phoneNumberId: string, value: Record<string, unknown>): WebhookDelivery {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: DEMO_BUSINESS_ACCOUNT_ID,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: DEMO_DISPLAY_PHONE_NUMBER, phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export interface CustomerText {
  text: string;
  /** Made fresh when unset. */
  wamid?: string;
  /** Unix seconds; now when unset. */
  timestamp?: string;
}

/** Text messages from one customer (`from` is their wa_id, digits only) in one delivery, in order. */
export function inboundTextDelivery(options: {
  phoneNumberId: string;
  from: string;
  name: string;
  messages: CustomerText[];
}): WebhookDelivery {
  return webhookDelivery(options.phoneNumberId, {
    contacts: [{ profile: { name: options.name }, wa_id: options.from }],
    messages: options.messages.map((message) => ({
      from: options.from,
      id: message.wamid ?? newWamid(),
      timestamp: message.timestamp ?? unixSeconds(),
      type: "text",
      text: { body: message.text },
    })),
  });
}

export interface StatusReport {
  wamid: string;
  /** sent | delivered | read | failed (any string, so tests can send what WhatsApp might). */
  status: string;
  recipientId: string;
  /** Unix seconds; now when unset. */
  timestamp?: string;
  /** Echoed from the send request, as the Cloud API does. */
  bizOpaqueCallbackData?: string;
  /** The billing conversation WhatsApp reports with "sent" (and pricing with "sent"/"delivered"). */
  conversation?: { id: string; expiresAt: string };
  pricing?: boolean;
  errors?: unknown[];
}

/** Status updates for messages sent from `phoneNumberId`, in one delivery. */
export function statusDelivery(phoneNumberId: string, reports: StatusReport[]): WebhookDelivery {
  return webhookDelivery(phoneNumberId, {
    statuses: reports.map((report) => ({
      id: report.wamid,
      status: report.status,
      timestamp: report.timestamp ?? unixSeconds(),
      recipient_id: report.recipientId,
      ...(report.bizOpaqueCallbackData !== undefined ? { biz_opaque_callback_data: report.bizOpaqueCallbackData } : {}),
      ...(report.conversation
        ? {
            conversation: {
              id: report.conversation.id,
              expiration_timestamp: report.conversation.expiresAt,
              origin: { type: "service" },
            },
          }
        : {}),
      ...(report.pricing
        ? { pricing: { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" } }
        : {}),
      ...(report.errors ? { errors: report.errors } : {}),
    })),
  });
}

/**
 * POSTs a delivery to a webhook URL with `X-Hub-Signature-256` over the exact bytes sent. A string
 * payload is sent as it is (tests use that for malformed bodies).
 */
export function postSignedWebhook(
  webhookUrl: string,
  appSecret: string,
  payload: unknown,
  options: { signal?: AbortSignal } = {},
): Promise<Response> {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, appSecret) },
    body,
    signal: options.signal,
  });
}
