// What the composer sends for a file: the upload it made (POST /api/uploads) and an optional caption.
import { z } from "zod";
import { encodeText, said } from "./server-text";
import { MAX_CAPTION_LENGTH } from "./media-kinds";

export const ZSendMedia = z.object({
  conversationId: z.string().min(1).max(100),
  /** Made by the client, so that a repeated send stores one message (as for text). */
  id: z.uuid(),
  uploadId: z.string().regex(/^[0-9a-f]{32}$/, encodeText(said("notUploadId"))),
  caption: z.string().trim().max(MAX_CAPTION_LENGTH, encodeText(said("captionTooLong", { max: MAX_CAPTION_LENGTH }))).default(""),
});
export type TSendMedia = z.input<typeof ZSendMedia>;
