// The headers a media reply carries. Media comes from strangers, so only types a browser shows
// safely (raster images, audio, video) are served inline; everything else — PDFs, HTML, SVG
// (which can run script), archives — is a download with a cleaned-up file name.

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
const INLINE_TYPES = /^(image\/(jpeg|png|webp|gif|avif)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)$/;
const MAX_FILENAME_LENGTH = 120;

/** The mime type to send: the stored one when it is well-formed (parameters such as
 *  `codecs=opus` kept), otherwise application/octet-stream. */
export function safeContentType(mimeType: string | undefined): string {
  const [essence = "", ...parameters] = (mimeType ?? "").split(";").map((part) => part.trim());
  if (!MIME_TYPE.test(essence)) return "application/octet-stream";
  const kept = parameters.filter((parameter) => /^[a-z0-9_.+-]+=("[^"\\\r\n]*"|[a-z0-9_.+-]+)$/i.test(parameter));
  return [essence.toLowerCase(), ...kept].join("; ");
}

export function isInlineType(contentType: string): boolean {
  return INLINE_TYPES.test(contentType.split(";")[0]!.trim().toLowerCase());
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "video/mp4": "mp4",
  "video/3gpp": "3gp",
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
  "audio/amr": "amr",
  "application/pdf": "pdf",
  "text/plain": "txt",
};

/**
 * A file name that is safe in a header and on any disk: no directories, no control or reserved
 * characters, no leading dots, at most 120 characters with the extension kept. Falls back to
 * `fallbackStem` plus an extension from the mime type when nothing usable is left.
 */
export function sanitizeFilename(name: string | undefined, contentType: string, fallbackStem: string): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"|?*;]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (!cleaned) {
    const extension = EXTENSIONS[contentType.split(";")[0]!.trim()];
    return extension ? `${fallbackStem}.${extension}` : fallbackStem;
  }
  return truncateKeepingExtension(cleaned, MAX_FILENAME_LENGTH);
}

function truncateKeepingExtension(name: string, limit: number): string {
  const characters = [...name];
  if (characters.length <= limit) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  const stem = [...name.slice(0, name.length - extension.length)].slice(0, limit - [...extension].length);
  return stem.join("").trimEnd() + extension;
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form for modern browsers. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
