// Sending a file: the agent's upload becomes a queued outbound media message with its outbox job
// and its event, in one transaction, like a text reply (replies.ts). The bytes move into the
// inbox's verified media cache first, so every agent who may see the conversation can open them
// (/api/media/<messageId>) and the worker can upload them to WhatsApp; the details name the file
// by its SHA-256. The worker adds WhatsApp's media id to the details once it has uploaded it.
import type { z } from "zod";
import { db } from "../../db/client";
import { writeWithEvents } from "../../events/log";
import { commitToCache, findCached } from "../../media/cache";
import { findUpload, removeUpload } from "../../media/uploads";
import { findReply, touchConversationLatest } from "../../messages/reply-store";
import { makeSortKey } from "../../messages/sort-key";
import { MEDIA_LABELS } from "../../whatsapp/normalize";
import type { TMessage } from "@/shared/dto";
import { MEDIA_KINDS } from "@/shared/media-kinds";
import type { ZSendMedia } from "@/shared/send-media";
import { findVisibleConversation, type Access } from "../access";
import { toConversationSummary, toMessage } from "../dto";
import { ConflictError, NotFoundError } from "../errors";

type SendMedia = z.output<typeof ZSendMedia>;

/** Stores the file's message as queued; the same `id` again returns the stored message. */
export async function sendMediaMessage(access: Access, input: SendMedia): Promise<TMessage> {
  const conversation = await findVisibleConversation(access, input.conversationId);
  if (!conversation) throw new NotFoundError("Conversation not found");
  const firstOne = (existing: NonNullable<Awaited<ReturnType<typeof findReply>>>) => {
    const same = existing.conversationId === input.conversationId && existing.authorId === access.userId && existing.direction === "outbound";
    if (!same) throw new ConflictError("This message id belongs to another message");
    return toMessage(existing);
  };
  // A repeated send after the upload was used up: the first one stands.
  const existing = await db().transaction((tx) => findReply(tx, input.id));
  if (existing) return firstOne(existing);

  const found = await findUpload(access.userId, input.uploadId);
  if (!found || found.upload.conversationId !== conversation.id) {
    throw new NotFoundError("That file is no longer waiting to be sent (files are kept for a day): attach it again");
  }
  const { upload } = found;
  // A send that failed after this rename, retried, finds the bytes already in the cache.
  if (!(await findCached(conversation.inboxId, upload.sha256Hex))) await commitToCache(found.path, conversation.inboxId, upload.sha256Hex);

  const caption = MEDIA_KINDS[upload.kind].caption ? input.caption : "";
  const details = { sha256: upload.sha256Hex, mimeType: upload.mimeType, filename: upload.filename, size: String(upload.size) };
  const label = MEDIA_LABELS[upload.kind];
  const message = await writeWithEvents(async (tx, record) => {
    const again = await findReply(tx, input.id);
    if (again) return firstOne(again);
    const now = new Date();
    const sortKey = makeSortKey(now, input.id, conversation.lastMessageKey);
    await tx.message.create({
      data: {
        id: input.id,
        conversationId: conversation.id,
        direction: "outbound",
        type: upload.kind,
        body: caption,
        details: JSON.stringify(details),
        status: "queued",
        authorId: access.userId,
        timestamp: now,
        sortKey,
      },
    });
    await tx.outboxJob.create({ data: { messageId: input.id, conversationId: conversation.id, sortKey, state: "queued", attempts: 0, nextAttemptAt: now } });
    const updated = await touchConversationLatest(tx, conversation.id, { at: now, preview: caption ? `${label}: ${caption}` : label, sortKey });
    const stored = toMessage((await findReply(tx, input.id))!);
    await record({ inboxId: conversation.inboxId, conversationId: conversation.id }, { type: "message.created", conversation: toConversationSummary(updated), message: stored });
    return stored;
  });
  await removeUpload(access.userId, input.uploadId);
  return message;
}
