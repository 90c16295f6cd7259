// Plays a customer writing in: builds WhatsApp's inbound text webhook and POSTs it, signed, to the
// app's own webhook endpoint over HTTP — the path Meta's servers take, not a shortcut to the
// database — so what appears in the inbox got there exactly as a real message would.
import { z } from "zod";
import { env } from "../env";
import { appUrl } from "./app-url";
import { WEBHOOK_PATH } from "@/shared/webhook-path";
import { inboundTextDelivery, postSignedWebhook, type CustomerText } from "./webhook-payloads";
import { said } from "@/shared/server-text";
import { TextError } from "../services/errors";

/** The part of our webhook endpoint's answer that says whether the message found its inbox. */
const ZWebhookAnswer = z.object({ unknownPhoneNumberIds: z.array(z.string()) });

const WEBHOOK_TIMEOUT_MS = 30_000;

/** Demo mode cannot post a webhook right now: said to the admin who asked. */
export class DemoUnavailableError extends TextError {}
export class WebhookRefusedError extends Error {}

export interface Customer {
  name: string;
  /** WhatsApp id: digits only, with the country code. */
  waId: string;
}

/** Sends `messages` from `customer` to the default inbox through the webhook; resolves once stored. */
export async function writeAsCustomer(customer: Customer, messages: CustomerText[]): Promise<void> {
  const { WHATSAPP_APP_SECRET, WHATSAPP_PHONE_NUMBER_ID } = env();
  const url = appUrl();
  if (!url) throw new DemoUnavailableError(said("demoNoAddress"));
  if (!WHATSAPP_APP_SECRET) throw new DemoUnavailableError(said("demoNoAppSecret"));

  const delivery = inboundTextDelivery({ phoneNumberId: WHATSAPP_PHONE_NUMBER_ID, from: customer.waId, name: customer.name, messages });
  // Bounded, so a stuck endpoint fails the seed or the click instead of hanging the start. Generous,
  // as `npm run dev` compiles the webhook route on its first request.
  const response = await postSignedWebhook(`${url}${WEBHOOK_PATH}`, WHATSAPP_APP_SECRET, delivery, {
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  const answer = await response.text();
  if (!response.ok) throw new WebhookRefusedError(`The webhook endpoint answered ${response.status}: ${answer}`);
  // An unknown number is answered 200 (as WhatsApp expects) but stores nothing: say so.
  const parsed = ZWebhookAnswer.safeParse(JSON.parse(answer));
  if (!parsed.success) throw new WebhookRefusedError(`The webhook endpoint answered something unexpected: ${answer}`);
  if (parsed.data.unknownPhoneNumberIds.length > 0) {
    throw new WebhookRefusedError(`No inbox has the phone number id ${WHATSAPP_PHONE_NUMBER_ID}, so the message was not stored`);
  }
}
