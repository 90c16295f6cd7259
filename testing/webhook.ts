// WhatsApp webhook deliveries for tests, in the documented shape and signed the way Meta's servers
// sign them. The shapes come from src/server/demo/webhook-payloads.ts, the one home the demo uses
// too; these helpers add test defaults. Tests make their own wamids so every run is independent.
import {
  inboundTextDelivery,
  newWamid as newTaggedWamid,
  postSignedWebhook,
  statusDelivery,
  unixSeconds,
  webhookDelivery,
} from "../src/server/demo/webhook-payloads";
import { WEBHOOK_PATH } from "../src/shared/webhook-path";

export const DEFAULT_PHONE_NUMBER_ID = "200000000000002";
const DEFAULT_CUSTOMER = "15550109876";

export const newWamid = () => newTaggedWamid("TEST");

export interface TextOptions {
  from?: string;
  name?: string;
  text: string;
  wamid?: string;
  timestamp?: string;
  phoneNumberId?: string;
}

export function textMessage(options: TextOptions) {
  return inboundTextDelivery({
    phoneNumberId: options.phoneNumberId ?? DEFAULT_PHONE_NUMBER_ID,
    from: options.from ?? DEFAULT_CUSTOMER,
    name: options.name ?? "Alex Example",
    messages: [{ text: options.text, wamid: options.wamid ?? newWamid(), timestamp: options.timestamp }],
  });
}

export interface MediaOptions {
  /** From the fake Graph API's addMedia: the media id, and the base64 SHA-256 a webhook announces. */
  media: { id: string; mimeType: string; sha256: string };
  type?: "image" | "video" | "audio" | "document" | "sticker";
  caption?: string;
  /** Documents carry the sender's file name. */
  filename?: string;
  from?: string;
  name?: string;
  wamid?: string;
  timestamp?: string;
  phoneNumberId?: string;
}

/** One inbound media message (an image unless `type` says otherwise), shaped like inbound-image.json. */
export function mediaMessage(options: MediaOptions) {
  const from = options.from ?? DEFAULT_CUSTOMER;
  const type = options.type ?? "image";
  const { id, mimeType, sha256 } = options.media;
  return webhookDelivery(options.phoneNumberId ?? DEFAULT_PHONE_NUMBER_ID, {
    contacts: [{ profile: { name: options.name ?? "Alex Example" }, wa_id: from }],
    messages: [
      {
        from,
        id: options.wamid ?? newWamid(),
        timestamp: options.timestamp ?? unixSeconds(),
        type,
        [type]: {
          id,
          mime_type: mimeType,
          sha256,
          ...(options.caption !== undefined ? { caption: options.caption } : {}),
          ...(options.filename !== undefined ? { filename: options.filename } : {}),
        },
      },
    ],
  });
}

export const imageMessage = (options: Omit<MediaOptions, "type">) => mediaMessage({ ...options, type: "image" });

export function statusUpdate(
  wamid: string,
  status: string,
  options: { timestamp?: string; errors?: unknown[]; callbackData?: string } = {},
) {
  return statusDelivery(DEFAULT_PHONE_NUMBER_ID, [
    {
      wamid,
      status,
      recipientId: DEFAULT_CUSTOMER,
      timestamp: options.timestamp,
      errors: options.errors,
      bizOpaqueCallbackData: options.callbackData,
    },
  ]);
}

export function postWebhook(baseUrl: string, appSecret: string, payload: unknown): Promise<Response> {
  return postSignedWebhook(`${baseUrl}${WEBHOOK_PATH}`, appSecret, payload);
}

/** One delivery carrying `count` text messages from one customer, a second apart, oldest first. */
export function textMessages(options: { from: string; name: string; count: number; text: (index: number) => string }) {
  const start = Math.floor(Date.now() / 1000) - options.count;
  return inboundTextDelivery({
    phoneNumberId: DEFAULT_PHONE_NUMBER_ID,
    from: options.from,
    name: options.name,
    messages: Array.from({ length: options.count }, (_, index) => ({
      text: options.text(index + 1),
      wamid: newWamid(),
      timestamp: unixSeconds((start + index + 1) * 1000),
    })),
  });
}
