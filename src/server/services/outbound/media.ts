// Sending a file: the agent's upload becomes a queued outbound media message with its outbox job
// and its event, in one transaction, like a text reply (queue.ts). The bytes move into the
// inbox's verified media cache first, so every agent who may see the conversation can open them
// (/api/media/<messageId>) and the worker can upload them to WhatsApp; the details name the file
// by its SHA-256. The worker adds WhatsApp's media id to the details once it has uploaded it.
import type { z } from "zod";
import { commitToCache, findCached } from "../../media/cache";
import { findUpload, removeUpload } from "../../media/uploads";
import type { TMessage } from "@/shared/dto";
import { MEDIA_KINDS } from "@/shared/media-kinds";
import type { ZSendMedia } from "@/shared/send-media";
import { findVisibleConversation, type Access } from "../access";
import { NotFoundError } from "../errors";
import { findEarlierSend, queueOutbound } from "./queue";
import { said } from "@/shared/server-text";

type SendMedia = z.output<typeof ZSendMedia>;

/** Stores the file's message as queued; the same `id` again returns the stored message. */
export async function sendMediaMessage(access: Access, input: SendMedia): Promise<TMessage> {
  const conversation = await findVisibleConversation(access, input.conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  // A repeated send after the upload was used up: the first one stands.
  const earlier = await findEarlierSend(access, conversation, input.id);
  if (earlier) return earlier;

  const found = await findUpload(access.userId, input.uploadId);
  if (!found || found.upload.conversationId !== conversation.id) {
    throw new NotFoundError(said("uploadGone"));
  }
  const { upload } = found;
  // A send that failed after this rename, retried, finds the bytes already in the cache.
  if (!(await findCached(conversation.inboxId, upload.sha256Hex))) await commitToCache(found.path, conversation.inboxId, upload.sha256Hex);

  const caption = MEDIA_KINDS[upload.kind].caption ? input.caption : "";
  const details = { sha256: upload.sha256Hex, mimeType: upload.mimeType, filename: upload.filename, size: String(upload.size) };
  const message = await queueOutbound(access, conversation, input.id, async () => ({
    type: upload.kind,
    body: caption,
    details: JSON.stringify(details),
  }));
  await removeUpload(access.userId, input.uploadId);
  return message;
}
