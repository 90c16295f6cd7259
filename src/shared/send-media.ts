// What the composer sends for a file: the upload it made (POST /api/uploads) and an optional caption.
import { z } from "zod";
import { MAX_CAPTION_LENGTH } from "./media-kinds";

export const ZSendMedia = z.object({
  conversationId: z.string().min(1).max(100),
  /** Made by the client, so that a repeated send stores one message (as for text). */
  id: z.uuid(),
  uploadId: z.string().regex(/^[0-9a-f]{32}$/, "Not an upload id"),
  caption: z.string().trim().max(MAX_CAPTION_LENGTH, `A caption can have at most ${MAX_CAPTION_LENGTH} characters`).default(""),
});
export type TSendMedia = z.input<typeof ZSendMedia>;
