// What a media message's stored details say about its file (see whatsapp/normalize.ts).
import { z } from "zod";

/** Message types whose details carry a WhatsApp media id. */
export const MEDIA_MESSAGE_TYPES: ReadonlySet<string> = new Set(["image", "video", "audio", "document", "sticker"]);

const ZMediaDetails = z.object({
  // An agent's file has none until the outbox worker has uploaded it; it is in our cache anyway.
  mediaId: z.string().optional(),
  mimeType: z.string().optional(),
  sha256: z.string().optional(),
  filename: z.string().optional(),
});
export type MediaDetails = z.infer<typeof ZMediaDetails>;

/** The media a message refers to, or null for a message without (or with unreadable) media details. */
export function mediaDetails(message: { type: string; details: string | null }): MediaDetails | null {
  if (!MEDIA_MESSAGE_TYPES.has(message.type) || message.details === null) return null;
  try {
    const parsed = ZMediaDetails.safeParse(JSON.parse(message.details));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
