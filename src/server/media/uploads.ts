// Files agents upload to send, kept until they are sent (or given up on). Each upload is two
// files in <data dir>/media/uploads/<user folder>/: the bytes (<id>.bin) and what we know of them
// (<id>.json). Sending moves the bytes into the inbox's verified cache (cache.ts) by rename, so
// the uploads area is on the same file system. Bounded two ways, since nothing else would ever
// remove an upload nobody sends: uploads older than a day are swept, and a user may hold only
// MAX_PENDING_PER_USER at a time.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { describeSize, MEDIA_KIND_NAMES, MEDIA_KINDS, type MediaKind } from "@/shared/media-kinds";
import { said, type ServerText } from "@/shared/server-text";
import { TextError } from "../services/errors";
import { mediaDir } from "./cache";

export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_PENDING_PER_USER = 20;

const ZUpload = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  userId: z.string(),
  conversationId: z.string(),
  kind: z.enum(MEDIA_KIND_NAMES as [MediaKind, ...MediaKind[]]),
  mimeType: z.string(),
  filename: z.string(),
  size: z.number().int().nonnegative(),
  sha256Hex: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.number(),
});
export type StoredUpload = z.infer<typeof ZUpload>;

/** Too many uploads waiting (429), or a body larger than its kind allows (413). */
export class UploadRefusedError extends TextError {
  constructor(
    readonly status: 413 | 429,
    text: ServerText,
  ) {
    super(text);
  }
}

const userFolder = (userId: string) => path.join(mediaDir(), "uploads", createHash("sha256").update(userId).digest("hex").slice(0, 32));
const isUploadId = (id: string) => /^[0-9a-f]{32}$/.test(id);
const bytesPath = (userId: string, id: string) => path.join(userFolder(userId), `${id}.bin`);
const infoPath = (userId: string, id: string) => path.join(userFolder(userId), `${id}.json`);

/** Removes this user's uploads older than a day (and any half-written ones); returns how many are left. */
async function sweepUser(userId: string, now = Date.now()): Promise<number> {
  const folder = userFolder(userId);
  const names = await fs.promises.readdir(folder).catch(() => [] as string[]);
  let left = 0;
  for (const name of names) {
    const file = path.join(folder, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat) continue;
    if (now - stat.mtimeMs > UPLOAD_TTL_MS) await fs.promises.rm(file, { force: true });
    else if (name.endsWith(".json")) left++;
  }
  return left;
}

const globalForSweep = globalThis as typeof globalThis & { __switchboardUploadsSweptAt?: number };

/** Every user's old uploads, at most once an hour: someone who never uploads again leaves theirs behind. */
async function sweepAll(now = Date.now()): Promise<void> {
  if (now - (globalForSweep.__switchboardUploadsSweptAt ?? 0) < 60 * 60 * 1000) return;
  globalForSweep.__switchboardUploadsSweptAt = now;
  const root = path.join(mediaDir(), "uploads");
  for (const folder of await fs.promises.readdir(root).catch(() => [] as string[])) {
    for (const name of await fs.promises.readdir(path.join(root, folder)).catch(() => [] as string[])) {
      const file = path.join(root, folder, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > UPLOAD_TTL_MS) await fs.promises.rm(file, { force: true });
    }
  }
}

export interface NewUpload {
  userId: string;
  conversationId: string;
  kind: MediaKind;
  mimeType: string;
  filename: string;
}

/**
 * Streams `body` to disk while hashing and counting it; a body larger than its kind allows is cut
 * off (whatever Content-Length claimed) and nothing of it is kept.
 */
export async function storeUpload(upload: NewUpload, body: ReadableStream<Uint8Array>): Promise<StoredUpload> {
  await sweepAll();
  if ((await sweepUser(upload.userId)) >= MAX_PENDING_PER_USER) {
    throw new UploadRefusedError(429, said("tooManyPendingUploads", { max: MAX_PENDING_PER_USER }));
  }
  const id = randomBytes(16).toString("hex");
  await fs.promises.mkdir(userFolder(upload.userId), { recursive: true, mode: 0o700 });
  const file = bytesPath(upload.userId, id);
  const hash = createHash("sha256");
  const { maxBytes } = MEDIA_KINDS[upload.kind];
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(new UploadRefusedError(413, said("uploadTooBig", { kind: upload.kind, max: describeSize(maxBytes) })));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(chunksOf(body), counter, fs.createWriteStream(file, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    throw error;
  }
  const stored: StoredUpload = { ...upload, id, size, sha256Hex: hash.digest("hex"), createdAt: Date.now() };
  // The description is written last: an upload without one is incomplete and is never used.
  await fs.promises.writeFile(infoPath(upload.userId, id), JSON.stringify(stored), { mode: 0o600 });
  return stored;
}

/** A web stream as Node chunks (Readable.fromWeb wants node:stream/web's type, which differs by name only). */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Buffer> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield Buffer.from(value);
  }
}

/** The user's own upload, if it is still there. */
export async function findUpload(userId: string, id: string): Promise<{ upload: StoredUpload; path: string } | null> {
  if (!isUploadId(id)) return null;
  try {
    const parsed = ZUpload.safeParse(JSON.parse(await fs.promises.readFile(infoPath(userId, id), "utf8")));
    if (!parsed.success || parsed.data.userId !== userId) return null;
    return { upload: parsed.data, path: bytesPath(userId, id) };
  } catch {
    return null;
  }
}

/** Forgets an upload (sent, or removed by the agent). */
export async function removeUpload(userId: string, id: string): Promise<void> {
  if (!isUploadId(id)) return;
  await fs.promises.rm(infoPath(userId, id), { force: true });
  await fs.promises.rm(bytesPath(userId, id), { force: true });
}
