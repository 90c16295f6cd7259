// The media behind a message, for one user: the same visibility rule as the conversation list and
// the history (access.ts), then the verified disk cache, then — only on a miss — the Cloud API.
// Requests for a file that is already being downloaded wait for that download instead of
// starting another (the map lives on globalThis: route handlers have their own module graph).
import type { SessionUser } from "../../auth/session-user";
import { db } from "../../db/client";
import { logger } from "../../logger";
import { increment } from "../../metrics";
import { commitToCache, discardTempFile, findCached, newTempFile, type CachedMedia } from "../../media/cache";
import { mediaDetails, type MediaDetails } from "../../media/details";
import { parseSha256 } from "../../media/digest";
import { isInlineType, safeContentType, sanitizeFilename } from "../../media/headers";
import { graphTarget } from "../../whatsapp/graph-target";
import { downloadVerifiedMedia, MediaFetchError } from "../../whatsapp/media";
import { findVisibleConversation, loadAccess } from "../access";
import { NotFoundError } from "../errors";
import { said } from "@/shared/server-text";

/** Nothing to fetch media with: no token and no simulator (HTTP 503). */
export class MediaUnavailableError extends Error {}

export interface MessageMedia extends CachedMedia {
  contentType: string;
  /** Shown in the browser (raster images, audio, video) rather than downloaded. */
  inline: boolean;
  filename: string;
}

const globalForMedia = globalThis as typeof globalThis & { __switchboardMediaDownloads?: Map<string, Promise<CachedMedia>> };
const downloads = () => (globalForMedia.__switchboardMediaDownloads ??= new Map());

/**
 * The verified file of a message's media. Throws NotFoundError when the message is unknown, is
 * not visible to the user, or has no media (one answer for all three, so ids cannot be probed);
 * MediaUnavailableError or MediaFetchError when it cannot be fetched.
 */
export async function openMessageMedia(user: SessionUser, messageId: string): Promise<MessageMedia> {
  const notFound = new NotFoundError(said("mediaNotFound"));
  const message = await db().read.message.findUnique({
    where: { id: messageId },
    select: { id: true, type: true, details: true, conversationId: true },
  });
  if (!message) throw notFound;
  const conversation = await findVisibleConversation(await loadAccess(user), message.conversationId);
  if (!conversation) throw notFound;
  const details = mediaDetails(message);
  if (!details) throw notFound;

  const file = await cachedMedia(conversation.inboxId, message.id, details);
  const contentType = safeContentType(details.mimeType);
  return {
    ...file,
    contentType,
    inline: isInlineType(contentType),
    filename: sanitizeFilename(details.filename, contentType, `whatsapp-${message.type}-${details.mediaId ?? message.id}`),
  };
}

/** The verified file, from the cache or downloaded into it (once, however many ask at a time). */
async function cachedMedia(inboxId: string, messageId: string, details: MediaDetails): Promise<CachedMedia> {
  const announced = details.sha256 ? parseSha256(details.sha256) : null;
  if (!announced) {
    // Without the webhook's checksum there is nothing to check the bytes against: refuse them.
    throw new MediaFetchError("checksum", "WhatsApp announced no usable SHA-256 for this media, so it cannot be verified");
  }
  const sha256Hex = announced.toString("hex");
  return (
    (await findCached(inboxId, sha256Hex)) ??
    (await downloadOnce(`${inboxId}:${sha256Hex}`, async () => {
      // Another request may have finished this very download since we looked.
      return (await findCached(inboxId, sha256Hex)) ?? fetchIntoCache(inboxId, messageId, details, sha256Hex);
    }))
  );
}

/**
 * Downloads a new message's media into the cache as soon as it is stored: WhatsApp lets media be
 * fetched for 7 days only, and a file nobody opened in that time would otherwise be lost. Best
 * effort and in the background; a failure is logged (in fetchIntoCache) and the first open tries
 * again.
 */
export async function prefetchMessageMedia(messageId: string): Promise<void> {
  try {
    const message = await db().read.message.findUnique({
      where: { id: messageId },
      select: { id: true, type: true, details: true, conversation: { select: { inboxId: true } } },
    });
    const details = message && mediaDetails(message);
    if (!message || !details) return;
    await cachedMedia(message.conversation.inboxId, message.id, details);
  } catch (error) {
    // Download failures are logged where they happen; nothing waits for this.
    logger.debug("media prefetch failed", { messageId, error: String(error) });
  }
}

/** One download per file at a time; later callers share the first one's outcome. */
function downloadOnce(key: string, download: () => Promise<CachedMedia>): Promise<CachedMedia> {
  const running = downloads().get(key);
  if (running) return running;
  const started = download().finally(() => downloads().delete(key));
  downloads().set(key, started);
  return started;
}

async function fetchIntoCache(inboxId: string, messageId: string, details: MediaDetails, sha256Hex: string): Promise<CachedMedia> {
  const inbox = await db().read.inbox.findUnique({ where: { id: inboxId }, select: { accessToken: true } });
  const target = inbox && graphTarget(inbox);
  if (!target) {
    throw new MediaUnavailableError("Media can't be fetched: no WhatsApp access token is configured for this inbox, and the demo simulator is not running");
  }
  if (!details.mediaId) throw new MediaFetchError("upstream", "This file is missing from the media store");
  const { mediaId } = details;
  const tempFile = await newTempFile();
  const started = Date.now();
  try {
    const fetched = await downloadVerifiedMedia(target, mediaId, details.sha256 ?? "", tempFile);
    const cached = await commitToCache(tempFile, inboxId, fetched.sha256Hex);
    increment("switchboard_media_downloads_total", "Media files downloaded from WhatsApp and verified");
    logger.info("media cached", { messageId, mediaId: details.mediaId, bytes: cached.size, ms: Date.now() - started });
    return cached;
  } catch (error) {
    await discardTempFile(tempFile);
    increment("switchboard_media_download_failures_total", "Media downloads refused or failed (checksum, size, timeout, upstream)");
    const level = error instanceof MediaFetchError && error.reason === "checksum" ? "error" : "warn";
    logger[level]("media download failed", {
      messageId,
      mediaId: details.mediaId,
      expectedSha256: sha256Hex,
      reason: error instanceof MediaFetchError ? error.reason : "internal",
      error: (error as Error).message,
    });
    throw error;
  }
}
