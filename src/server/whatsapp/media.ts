// Fetching one media file from the Cloud API, checked before anyone sees it. Two calls, both with
// the inbox's bearer token: GET {base}/{media-id} answers where the bytes are (a short-lived URL),
// then GET <url> answers the bytes. They are streamed to a file while being hashed and counted, so
// a 100 MB video never sits in memory, a file larger than WhatsApp allows is cut off, and bytes
// that do not match the SHA-256 the webhook announced never leave this module.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { z } from "zod";
import { matchesSha256 } from "../media/digest";
import type { GraphTarget } from "./graph-target";

export interface MediaLimits {
  /** WhatsApp's own maximum for any media file is 100 MB. */
  maxBytes: number;
  /** For the lookup call, which answers a small JSON body. */
  lookupTimeoutMs: number;
  /** The download is given up when no bytes arrive for this long… */
  idleTimeoutMs: number;
  /** …or when it takes longer than this altogether. */
  totalTimeoutMs: number;
}

export const MEDIA_LIMITS: MediaLimits = {
  maxBytes: 100 * 1024 * 1024,
  lookupTimeoutMs: 15_000,
  idleTimeoutMs: 30_000,
  totalTimeoutMs: 10 * 60_000,
};

export type MediaFetchFailure = "upstream" | "too_large" | "timeout" | "checksum";

/** Why a file could not be fetched; `reason` decides the HTTP status, `message` is for people. */
export class MediaFetchError extends Error {
  constructor(
    readonly reason: MediaFetchFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchedMedia {
  /** Lowercase hex SHA-256 of the bytes written, already checked against the announced one. */
  sha256Hex: string;
  size: number;
  /** The mime type the Graph API reports, for when the webhook carried none. */
  mimeType: string | undefined;
}

const ZMediaInfo = z.looseObject({
  url: z.url(),
  mime_type: z.string().optional(),
  file_size: z.coerce.number().optional(),
});

const ZGraphError = z.looseObject({ error: z.looseObject({ message: z.string() }) });

/** WhatsApp media ids are digits; anything else would change the path we call. */
export const isMediaId = (mediaId: string) => /^[A-Za-z0-9_-]{1,200}$/.test(mediaId);

/**
 * Downloads media `mediaId` into `destination` (which must not exist) and checks it against
 * `announcedSha256` (base64 or hex). On any failure the partial file is removed and a
 * MediaFetchError says why.
 */
export async function downloadVerifiedMedia(
  target: GraphTarget,
  mediaId: string,
  announcedSha256: string,
  destination: string,
  limits: MediaLimits = MEDIA_LIMITS,
): Promise<FetchedMedia> {
  if (!isMediaId(mediaId)) throw new MediaFetchError("upstream", `Not a WhatsApp media id: ${JSON.stringify(mediaId)}`);
  const info = await lookUpMedia(target, mediaId, limits);
  if (info.file_size !== undefined && info.file_size > limits.maxBytes) {
    throw new MediaFetchError("too_large", `The file is ${info.file_size} bytes; the limit is ${limits.maxBytes}`);
  }
  try {
    const written = await streamToFile(target, info.url, destination, limits);
    if (!matchesSha256(announcedSha256, written.digest)) {
      throw new MediaFetchError(
        "checksum",
        `The downloaded file's SHA-256 (${written.digest.toString("hex")}) is not the one WhatsApp announced (${announcedSha256})`,
      );
    }
    return { sha256Hex: written.digest.toString("hex"), size: written.size, mimeType: info.mime_type };
  } catch (error) {
    await fs.promises.rm(destination, { force: true });
    throw error;
  }
}

async function lookUpMedia(target: GraphTarget, mediaId: string, limits: MediaLimits) {
  const response = await graphFetch(`${target.baseUrl}/${mediaId}`, target, AbortSignal.timeout(limits.lookupTimeoutMs), "looking up the media");
  if (!response.ok) throw await upstreamError(response, "looking up the media");
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new MediaFetchError("upstream", "The media lookup did not answer JSON");
  }
  const info = ZMediaInfo.safeParse(body);
  if (!info.success) throw new MediaFetchError("upstream", "The media lookup answered without a download URL");
  if (!mayCarryToken(info.data.url, target.baseUrl)) {
    throw new MediaFetchError("upstream", `Refusing to send the access token to ${new URL(info.data.url).origin}`);
  }
  return info.data;
}

/** The bearer token goes only over https, or to the API's own origin (a local simulator). */
function mayCarryToken(url: string, baseUrl: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === "https:" || parsed.origin === new URL(baseUrl).origin;
}

async function streamToFile(target: GraphTarget, url: string, destination: string, limits: MediaLimits) {
  const idle = new AbortController();
  let idleTimer = setTimeout(() => idle.abort(), limits.idleTimeoutMs);
  const resetIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => idle.abort(), limits.idleTimeoutMs);
  };
  const signal = AbortSignal.any([AbortSignal.timeout(limits.totalTimeoutMs), idle.signal]);
  try {
    const response = await graphFetch(url, target, signal, "downloading the media");
    if (!response.ok) throw await upstreamError(response, "downloading the media");
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      throw new MediaFetchError("too_large", `The file is ${declared} bytes; the limit is ${limits.maxBytes}`);
    }
    if (!response.body) throw new MediaFetchError("upstream", "The download answered no body");

    const hash = createHash("sha256");
    let size = 0;
    const countAndHash = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        // Counted as well as checked by content-length: a server may send none, or lie.
        if (size > limits.maxBytes) {
          return done(new MediaFetchError("too_large", `The file is larger than the limit of ${limits.maxBytes} bytes`));
        }
        resetIdle();
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
    await pipeline(body, countAndHash, fs.createWriteStream(destination, { flags: "wx", mode: 0o600 }));
    return { digest: hash.digest(), size };
  } catch (error) {
    if (!signal.aborted) throw error;
    // Say which deadline passed, whether it struck before the answer or during the body.
    const why = idle.signal.aborted ? `no data came for ${limits.idleTimeoutMs} ms` : `it took longer than ${limits.totalTimeoutMs} ms`;
    throw new MediaFetchError("timeout", `The download from WhatsApp was given up: ${why}`);
  } finally {
    clearTimeout(idleTimer);
  }
}

async function graphFetch(url: string, target: GraphTarget, signal: AbortSignal, doing: string): Promise<Response> {
  try {
    return await fetch(url, { headers: { authorization: `Bearer ${target.accessToken}` }, signal });
  } catch (error) {
    if (signal.aborted) throw new MediaFetchError("timeout", `WhatsApp did not answer in time while ${doing}`);
    throw new MediaFetchError("upstream", `Could not reach WhatsApp while ${doing}: ${(error as Error).message}`);
  }
}

async function upstreamError(response: Response, doing: string): Promise<MediaFetchError> {
  const text = await startOfBody(response, 4096);
  let detail = text.slice(0, 200);
  try {
    const parsed = ZGraphError.safeParse(JSON.parse(text));
    if (parsed.success) detail = parsed.data.error.message;
  } catch {
    // Not JSON: the start of the body says enough.
  }
  return new MediaFetchError("upstream", `WhatsApp answered ${response.status} while ${doing}${detail ? `: ${detail}` : ""}`);
}

/** An error body, read only as far as `limit` bytes: a misbehaving server may send a lot. */
async function startOfBody(response: Response, limit: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // Whatever arrived before the failure is enough to describe it.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString("utf8").slice(0, limit);
}
