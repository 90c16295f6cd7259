// What WhatsApp accepts as a media message, by kind: one table read by the composer (to refuse a
// file before it is uploaded) and by the server (which enforces it). From Meta's Cloud API
// reference, "Supported media types". Sizes are in decimal megabytes, so they stay within Meta's
// limit whichever megabyte it means.
import { said, type ServerText } from "./server-text";

export const MEDIA_KINDS = {
  image: { label: "Photo", maxBytes: 5_000_000, mimeTypes: ["image/jpeg", "image/png"], caption: true },
  video: { label: "Video", maxBytes: 16_000_000, mimeTypes: ["video/mp4", "video/3gpp"], caption: true },
  // Ogg must carry Opus, which the browser cannot tell us; WhatsApp refuses other codecs itself.
  audio: { label: "Audio", maxBytes: 16_000_000, mimeTypes: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], caption: false },
  document: {
    label: "Document",
    maxBytes: 100_000_000,
    mimeTypes: [
      "application/pdf",
      "text/plain",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    caption: true,
  },
  // Animated stickers may have 500 KB, static ones 100 KB; telling them apart needs the file.
  sticker: { label: "Sticker", maxBytes: 500_000, mimeTypes: ["image/webp"], caption: false },
} as const satisfies Record<string, { label: string; maxBytes: number; mimeTypes: readonly string[]; caption: boolean }>;

export type MediaKind = keyof typeof MEDIA_KINDS;
export const MEDIA_KIND_NAMES = Object.keys(MEDIA_KINDS) as MediaKind[];

/** The longest caption WhatsApp accepts on a photo, video or document. */
export const MAX_CAPTION_LENGTH = 1024;

/** Every type WhatsApp accepts, for the file picker's `accept`. */
export const ACCEPTED_MIME_TYPES: readonly string[] = MEDIA_KIND_NAMES.flatMap((kind) => MEDIA_KINDS[kind].mimeTypes);

/** The kind a file of this type is sent as, or null when WhatsApp takes no such file. */
export function mediaKindOf(mimeType: string): MediaKind | null {
  const bare = mimeType.split(";")[0]!.trim().toLowerCase();
  return MEDIA_KIND_NAMES.find((kind) => (MEDIA_KINDS[kind].mimeTypes as readonly string[]).includes(bare)) ?? null;
}

/** "5 MB", "500 KB". */
export function describeSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round((bytes / 1_000_000) * 10) / 10} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}

export type AttachmentVerdict = { ok: true; kind: MediaKind; mimeType: string } | { ok: false; status: 413 | 415 | 400; error: ServerText };

/** Whether WhatsApp takes this file, and as what; otherwise a sentence saying why not. */
export function judgeAttachment(file: { type: string; size: number; name: string }): AttachmentVerdict {
  const mimeType = file.type.split(";")[0]!.trim().toLowerCase();
  const kind = mediaKindOf(mimeType);
  if (!kind) {
    return { ok: false, status: 415, error: said("cannotSendType", { name: file.name || "none", type: mimeType || "none" }) };
  }
  const { maxBytes } = MEDIA_KINDS[kind];
  const name = file.name || "none";
  if (file.size === 0) return { ok: false, status: 400, error: said("fileEmpty", { name }) };
  if (file.size > maxBytes) {
    return { ok: false, status: 413, error: said("fileTooBig", { name, size: describeSize(file.size), kind, max: describeSize(maxBytes) }) };
  }
  return { ok: true, kind, mimeType };
}
