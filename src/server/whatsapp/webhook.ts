// The webhook endpoint's logic, apart from Next so the route (src/pages/api/webhooks/whatsapp.ts)
// stays a thin adapter. Order matters: size, then signature over the raw bytes, then JSON, then
// shape — and nothing is stored unless all of them pass.
import type { IncomingMessage } from "node:http";
import { env } from "../env";
import { logger } from "../logger";
import { increment, timeWebhook } from "../metrics";
import { describeBytes } from "../http/body-limits";
import { BodyIncompleteError, BodyTooLargeError, readBodyWithLimit } from "../http/read-body";
import { ingestDelivery } from "./ingest";
import { MAX_UPDATES_PER_DELIVERY, updatesIn, ZWebhookPayload } from "./payload";
import { findSigner } from "./app-secrets";
import { guardJson, MAX_JSON_DEPTH, TooDeepError } from "./json-guard";
import { sameSecret } from "./signature";
import { applyTemplateStatusUpdates } from "../templates/status-webhook";

/** What the route answers: a status and a JSON body (or, for the verification, plain text). */
export type WebhookAnswer = { status: number; json: object } | { status: number; text: string };

const json = (status: number, body: object): WebhookAnswer => ({ status, json: body });

export function handleVerification(query: URLSearchParams): WebhookAnswer {
  const token = env().WHATSAPP_VERIFY_TOKEN;
  const ok = query.get("hub.mode") === "subscribe" && sameSecret(query.get("hub.verify_token"), token);
  if (!ok) return { status: 403, text: "Forbidden" };
  return { status: 200, text: query.get("hub.challenge") ?? "" };
}

/** A webhook POST, timed into switchboard_webhook_duration_seconds whatever its answer. */
export const handleDelivery = (request: IncomingMessage): Promise<WebhookAnswer> => timeWebhook(() => receiveDelivery(request));

async function receiveDelivery(request: IncomingMessage): Promise<WebhookAnswer> {
  // ws-server.ts refuses a declared length over the limit before this runs; this counts the bytes
  // of a body sent without one.
  const limit = env().WEBHOOK_MAX_BODY_BYTES;
  let body: Buffer;
  try {
    body = await readBodyWithLimit(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json(413, { error: `Payload too large (limit ${describeBytes(limit)})` });
    // Nobody is left to read this answer; it is the status the metrics count it under.
    if (error instanceof BodyIncompleteError) return json(400, { error: error.message });
    throw error;
  }
  // Any known app secret may sign; ingest then applies only the numbers that secret speaks for.
  const signature = request.headers["x-hub-signature-256"];
  const signer = await findSigner(body, typeof signature === "string" ? signature : null);
  if (!signer) return json(401, { error: "Invalid or missing X-Hub-Signature-256" });

  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(body.toString("utf8"));
  } catch {
    return json(400, { error: "Body is not valid JSON" });
  }
  try {
    parsedJson = guardJson(parsedJson);
  } catch (error) {
    if (error instanceof TooDeepError) return json(400, { error: `Body is nested deeper than ${MAX_JSON_DEPTH} levels` });
    throw error;
  }
  const payload = ZWebhookPayload.safeParse(parsedJson);
  if (!payload.success) {
    const issue = payload.error.issues[0];
    return json(400, { error: `Not a WhatsApp webhook payload: ${issue?.path.join(".") || "body"}: ${issue?.message}` });
  }
  const updates = updatesIn(payload.data);
  if (updates > MAX_UPDATES_PER_DELIVERY) {
    return json(413, { error: `A delivery carries at most ${MAX_UPDATES_PER_DELIVERY} messages and statuses; this one has ${updates}` });
  }

  // Files the messages carry are fetched by the background work once committed (media/prefetch-feed.ts).
  const result = await ingestDelivery(payload.data, signer.speaksFor);
  // Template approvals and pauses (the message_template_status_update field) for this signer's inboxes.
  await applyTemplateStatusUpdates(parsedJson, signer);
  increment("switchboard_webhook_messages_stored_total", "Inbound messages stored", result.messagesStored);
  increment("switchboard_webhook_duplicates_total", "Inbound messages already stored (retries)", result.duplicates);
  increment("switchboard_webhook_statuses_applied_total", "Status updates applied", result.statusesApplied);
  for (const phoneNumberId of result.unknownPhoneNumberIds) {
    logger.warn("webhook for unknown phone_number_id ignored", { phoneNumberId });
  }
  for (const phoneNumberId of result.wrongSecretPhoneNumberIds) {
    logger.warn("webhook changes for a number signed with another inbox's app secret skipped", { phoneNumberId });
  }
  return json(200, { ok: true, ...result });
}
