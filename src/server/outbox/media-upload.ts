// Before a file's message can be sent, WhatsApp needs the file: POST {base}/{phone-number-id}/media
// (multipart: messaging_product, type, file) answers a media id, and the message is then sent by
// that id (request-body.ts). The id is recorded in the message's details as soon as it comes back,
// in its own transaction, so a send that fails afterwards and is retried, by this worker or another
// after a restart, sends by the same id and never uploads the file twice. An upload reaches no
// customer, so unlike a send it may be repeated when its answer is lost.
//
// A file can take a while: the upload may use half the job's lease (so it is given up before
// another worker could take the job), and recording the media id renews the lease, so the send
// that follows has the whole of it again. A file too large to upload in half the lease keeps
// failing with "retry"; raise OUTBOX_LEASE_MS for slow links.
import fs from "node:fs";
import { z } from "zod";
import { db } from "../db/client";
import { findCached } from "../media/cache";
import { mediaDetails } from "../media/details";
import { logger } from "../logger";
import type { GraphTarget } from "../whatsapp/graph-target";
import { interpretResponse, type SendOutcome } from "./cloud-api";
import type { OutboundMessage } from "./request-body";
import { encodeText, said } from "@/shared/server-text";

const ZUploaded = z.looseObject({ id: z.string().min(1).max(200) });

/** The message as it can be sent (with its media id), or the outcome that ends this attempt. */
export type Prepared = { message: OutboundMessage } | { outcome: SendOutcome };

/** Uploads the message's file when it is one of ours that WhatsApp does not have yet. */
export async function ensureMediaUploaded(target: GraphTarget, phoneNumberId: string, message: OutboundMessage, leaseMs: number): Promise<Prepared> {
  const details = mediaDetails(message);
  if (!details || details.mediaId || !details.sha256) return { message };
  const row = await db().read.message.findUnique({ where: { id: message.id }, select: { conversation: { select: { inboxId: true } } } });
  const file = row && (await findCached(row.conversation.inboxId, details.sha256));
  if (!file) return { outcome: { kind: "rejected", reason: encodeText(said("sendFileGone")) } };

  const form = new FormData();
  form.set("messaging_product", "whatsapp");
  form.set("type", details.mimeType ?? "application/octet-stream");
  // Streamed from disk by fetch, not read into memory: a document may be 100 MB.
  form.set("file", await fs.openAsBlob(file.path, { type: details.mimeType ?? "" }), details.filename ?? message.id);
  let status: number;
  let payload: unknown;
  let retryAfter: string | null;
  try {
    const response = await fetch(`${target.baseUrl}/${phoneNumberId}/media`, {
      method: "POST",
      headers: { authorization: `Bearer ${target.accessToken}` },
      body: form,
      signal: AbortSignal.timeout(leaseMs / 2),
    });
    status = response.status;
    retryAfter = response.headers.get("retry-after");
    payload = await response.json().catch(() => null);
  } catch (error) {
    return { outcome: { kind: "retry", reason: encodeText(said("sendUploadFailed", { name: error instanceof Error ? error.name : "error" })), retryAfterMs: null } };
  }
  const uploaded = status >= 200 && status < 300 ? ZUploaded.safeParse(payload) : null;
  if (!uploaded?.success) {
    const outcome = uploaded ? { kind: "retry" as const, reason: encodeText(said("sendUploadNoId")), retryAfterMs: null } : interpretResponse(status, payload, retryAfter);
    return { outcome: outcome.kind === "unknown" ? { kind: "retry", reason: outcome.reason, retryAfterMs: null } : outcome };
  }
  const mediaId = uploaded.data.id;
  const stored = await recordMediaId(message.id, mediaId, leaseMs);
  logger.info("media uploaded to WhatsApp", { messageId: message.id, mediaId, bytes: file.size });
  return { message: { ...message, details: stored } };
}

/** Adds WhatsApp's media id to the message's details and renews the job's lease; returns the new details. */
async function recordMediaId(messageId: string, mediaId: string, leaseMs: number): Promise<string> {
  return db().transaction(async (tx) => {
    await tx.outboxJob.updateMany({ where: { messageId, state: "sending" }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
    const current = await tx.message.findUniqueOrThrow({ where: { id: messageId }, select: { details: true } });
    const details = z.record(z.string(), z.string()).parse(JSON.parse(current.details ?? "{}"));
    const updated = JSON.stringify({ ...details, mediaId });
    await tx.message.update({ where: { id: messageId }, data: { details: updated } });
    return updated;
  });
}
