// GET and HEAD /api/media/<messageId>: who is asking, then the service, then the bytes with the
// headers that keep a stranger's file harmless. Errors are JSON with a sentence for people.
import fs from "node:fs";
import { Readable } from "node:stream";
import { NotFoundError } from "../services/errors";
import { problem, routeUser } from "../http/route-user";
import { MediaUnavailableError, openMessageMedia, type MessageMedia } from "../services/conversations/media";
import { MediaFetchError, type MediaFetchFailure } from "../whatsapp/media";
import { attachmentDisposition } from "./headers";
import { parseRange } from "./range";
import { said } from "@/shared/server-text";

/** A day: the bytes behind a message never change, but access can be taken away. */
const MAX_AGE_SECONDS = 24 * 60 * 60;
const MESSAGE_ID = /^[A-Za-z0-9_-]{1,100}$/;

const FAILURE_STATUS: Record<MediaFetchFailure, number> = { upstream: 502, too_large: 502, checksum: 502, timeout: 504 };


export async function serveMedia(request: Request, messageId: string): Promise<Response> {
  const user = await routeUser(request, said("signInToSeeMedia"));
  if (user instanceof Response) return user;
  if (!MESSAGE_ID.test(messageId)) return problem(400, said("notMessageId"));

  let media: MessageMedia;
  try {
    media = await openMessageMedia(user, messageId);
  } catch (error) {
    if (error instanceof NotFoundError) return problem(404, error.text);
    if (error instanceof MediaUnavailableError) return problem(503, error.message);
    if (error instanceof MediaFetchError) return problem(FAILURE_STATUS[error.reason], error.message);
    throw error;
  }
  return fileResponse(request, media);
}

function fileResponse(request: Request, media: MessageMedia): Response {
  const etag = `"${media.sha256Hex}"`;
  const headers = new Headers({
    "content-type": media.contentType,
    "cache-control": `private, max-age=${MAX_AGE_SECONDS}`,
    etag,
    "accept-ranges": "bytes",
    "x-content-type-options": "nosniff",
    // Opened on its own (a new tab), the file may not run anything or reach anything.
    "content-security-policy": "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  });
  if (!media.inline) headers.set("content-disposition", attachmentDisposition(media.filename));

  if (request.headers.get("if-none-match")?.split(/\s*,\s*/).includes(etag)) {
    return new Response(null, { status: 304, headers });
  }
  const range = parseRange(request.headers.get("range"), media.size);
  if (range.kind === "unsatisfiable") {
    headers.set("content-range", `bytes */${media.size}`);
    return new Response(null, { status: 416, headers });
  }
  const [start, end] = range.kind === "partial" ? [range.start, range.end] : [0, media.size - 1];
  // No Content-Length: Next drops it from every route handler's response (vercel/next.js#48838)
  // and sends the body chunked. Content-Range still tells a media element the whole size.
  if (range.kind === "partial") headers.set("content-range", `bytes ${start}-${end}/${media.size}`);
  const status = range.kind === "partial" ? 206 : 200;
  if (request.method === "HEAD" || media.size === 0) return new Response(null, { status, headers });
  const stream = Readable.toWeb(fs.createReadStream(media.path, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
}
