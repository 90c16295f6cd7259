// The simulated WhatsApp's side of sending files: the media upload endpoint
// (POST /{phone-number-id}/media, multipart with messaging_product, type and file, answering
// `{ id }` as in testing/fixtures/whatsapp/media-upload-response.json) and sends that name an
// uploaded file by its id (`{ type: "image", image: { id, caption } }`). It checks what the Cloud
// API checks (the type and size limits of src/shared/media-kinds.ts, a known media id) and keeps
// only the ids, not the bytes: the simulated customer never looks at them.
import { randomInt } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { judgeAttachment, MEDIA_KIND_NAMES, MEDIA_KINDS } from "@/shared/media-kinds";
import { invalidParameterError, type GraphError, type TextSend } from "./graph-replies";
import { english } from "../i18n/english";

export const MEDIA_UPLOAD_PATH = /^\/v\d+\.\d+\/\d+\/media$/;

/** The largest file WhatsApp takes (a document), plus room for the multipart framing. */
const MAX_UPLOAD_BYTES = MEDIA_KINDS.document.maxBytes + 64 * 1024;

export type UploadAnswer = { status: 200; body: { id: string } } | GraphError;

/** Reads an upload and answers the new media id, or the Graph error for a bad one. */
export async function receiveMediaUpload(req: IncomingMessage, known: Set<string>): Promise<UploadAnswer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) return invalidParameterError("The file is larger than WhatsApp allows");
    chunks.push(chunk as Buffer);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
  } catch {
    return invalidParameterError("The request body is not multipart/form-data");
  }
  const file = form.get("file");
  if (form.get("messaging_product") !== "whatsapp") return invalidParameterError('Param messaging_product must be "whatsapp"');
  if (!(file instanceof Blob)) return invalidParameterError("Param file is required");
  const verdict = judgeAttachment({ type: String(form.get("type") ?? file.type), size: file.size, name: file instanceof File ? file.name : "file" });
  if (!verdict.ok) return invalidParameterError(english(verdict.error));
  const id = `${randomInt(1e8, 1e9)}${randomInt(1e6, 1e7)}`; // digits, like Meta's ids (randomInt spans at most 2^48)
  known.add(id);
  return { status: 200, body: { id } };
}

const ZMediaSend = z.looseObject({
  messaging_product: z.literal("whatsapp"),
  to: z.string().regex(/^\+?\d{6,15}$/, "must be a phone number"),
  type: z.enum(MEDIA_KIND_NAMES),
  biz_opaque_callback_data: z.string().max(512).optional(),
});
const ZMediaObject = z.looseObject({ id: z.string().min(1), caption: z.string().max(1024).optional(), filename: z.string().optional() });

/** A send of an uploaded file, null when the body is not one (a text send, say), or its Graph error. */
export function parseMediaSend(rawBody: string, known: Set<string>): TextSend | GraphError | null {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return null;
  }
  const send = ZMediaSend.safeParse(json);
  if (!send.success) return null;
  const { type, to } = send.data;
  const media = ZMediaObject.safeParse((json as Record<string, unknown>)[type]);
  if (!media.success) return invalidParameterError(`Param ${type}.id is required`);
  if (!known.has(media.data.id)) return invalidParameterError(`Param ${type}.id is not a media id uploaded to this number`);
  return { to, waId: to.replace(/\D/g, ""), body: media.data.caption ?? "", bizOpaqueCallbackData: send.data.biz_opaque_callback_data };
}
