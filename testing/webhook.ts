// Builds WhatsApp webhook deliveries in the documented shape and posts them signed, the way
// Meta's servers do. Tests make their own wamids so every run is independent.
import { randomBytes } from "node:crypto";
import { signBody } from "../src/server/whatsapp/signature";

export const DEFAULT_PHONE_NUMBER_ID = "200000000000002";

export const newWamid = () => `wamid.TEST${randomBytes(12).toString("hex").toUpperCase()}`;
const unixNow = () => String(Math.floor(Date.now() / 1000));

function delivery(value: Record<string, unknown>, phoneNumberId = DEFAULT_PHONE_NUMBER_ID) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "100000000000001",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550101234", phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export interface TextOptions {
  from?: string;
  name?: string;
  text: string;
  wamid?: string;
  timestamp?: string;
  phoneNumberId?: string;
}

export function textMessage(options: TextOptions) {
  const from = options.from ?? "15550109876";
  return delivery(
    {
      contacts: [{ profile: { name: options.name ?? "Alex Example" }, wa_id: from }],
      messages: [
        {
          from,
          id: options.wamid ?? newWamid(),
          timestamp: options.timestamp ?? unixNow(),
          type: "text",
          text: { body: options.text },
        },
      ],
    },
    options.phoneNumberId,
  );
}

export function statusUpdate(wamid: string, status: string, options: { timestamp?: string; errors?: unknown[] } = {}) {
  return delivery({
    statuses: [
      {
        id: wamid,
        status,
        timestamp: options.timestamp ?? unixNow(),
        recipient_id: "15550109876",
        ...(options.errors ? { errors: options.errors } : {}),
      },
    ],
  });
}

export async function postWebhook(baseUrl: string, appSecret: string, payload: unknown): Promise<Response> {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return fetch(`${baseUrl}/api/webhooks/whatsapp`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, appSecret) },
    body,
  });
}

/** One delivery carrying `count` text messages from one customer, a second apart, oldest first. */
export function textMessages(options: { from: string; name: string; count: number; text: (index: number) => string }) {
  const start = Math.floor(Date.now() / 1000) - options.count;
  const payload = textMessage({ from: options.from, name: options.name, text: options.text(1), timestamp: String(start + 1) });
  const value = payload.entry[0]!.changes[0]!.value as { messages?: unknown[] };
  value.messages = Array.from({ length: options.count }, (_, index) => ({
    from: options.from,
    id: newWamid(),
    timestamp: String(start + index + 1),
    type: "text",
    text: { body: options.text(index + 1) },
  }));
  return payload;
}
