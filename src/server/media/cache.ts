// Media on disk, per inbox, named by the SHA-256 of its bytes: <data dir>/media/<inbox>/<hex>. A
// file only ever gets there by an atomic rename after its digest was checked, so whatever is in the
// cache is complete and verified, and the same photo sent twice to a number is stored once.
//
// Per inbox, because the digest comes from the webhook: anyone who can sign deliveries for one
// number could announce another number's file by its digest. A cache keyed by digest alone would
// then hand that file over without the first number's token ever being used. Here, a file is in an
// inbox's cache only if it was downloaded with that inbox's own credentials.
//
// Downloads in progress live in <data dir>/media/tmp/ (same file system, so the rename is atomic)
// and are removed on failure.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "../db/paths";
import { env } from "../env";

const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

export interface CachedMedia {
  path: string;
  size: number;
  /** Lowercase hex SHA-256 of the bytes: also the file's name, and a strong ETag. */
  sha256Hex: string;
}

export function mediaDir(): string {
  return path.join(dataDir(env()), "media");
}

const tempDir = () => path.join(mediaDir(), "tmp");

/** An inbox's folder name: its id hashed, since an id is not guaranteed to be a safe file name. */
export const inboxFolderName = (inboxId: string) => `inbox-${createHash("sha256").update(inboxId).digest("hex").slice(0, 32)}`;

export const inboxMediaDir = (inboxId: string) => path.join(mediaDir(), inboxFolderName(inboxId));

export const cachePath = (inboxId: string, sha256Hex: string) => path.join(inboxMediaDir(inboxId), assertHex(sha256Hex));

/** The inbox's cached file with this digest, or null when it has not fetched it yet. */
export async function findCached(inboxId: string, sha256Hex: string): Promise<CachedMedia | null> {
  const file = cachePath(inboxId, sha256Hex);
  try {
    const stat = await fs.promises.stat(file);
    return stat.isFile() ? { path: file, size: stat.size, sha256Hex } : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** A fresh path to download into; only the owner may read it (media can be private). */
export async function newTempFile(): Promise<string> {
  await fs.promises.mkdir(tempDir(), { recursive: true, mode: 0o700 });
  await sweepStaleTempFiles();
  return path.join(tempDir(), `${Date.now()}-${randomBytes(8).toString("hex")}.part`);
}

/** Moves a verified download into the inbox's cache under its digest. */
export async function commitToCache(tempFile: string, inboxId: string, sha256Hex: string): Promise<CachedMedia> {
  const file = cachePath(inboxId, sha256Hex);
  await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.promises.rename(tempFile, file);
  const stat = await fs.promises.stat(file);
  return { path: file, size: stat.size, sha256Hex };
}

export async function discardTempFile(tempFile: string): Promise<void> {
  await fs.promises.rm(tempFile, { force: true });
}

const globalForSweep = globalThis as typeof globalThis & { __switchboardMediaTempSwept?: boolean };

/** Once per process: downloads cut off by a crash leave .part files behind; old ones are removed. */
async function sweepStaleTempFiles(): Promise<void> {
  if (globalForSweep.__switchboardMediaTempSwept) return;
  globalForSweep.__switchboardMediaTempSwept = true;
  const cutoff = Date.now() - STALE_TEMP_MS;
  for (const name of await fs.promises.readdir(tempDir())) {
    const file = path.join(tempDir(), name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && stat.mtimeMs < cutoff) await fs.promises.rm(file, { force: true });
  }
}

/** The digest becomes a file name, so it must be exactly 64 hex digits and nothing else. */
export const isSha256Hex = (name: string) => /^[0-9a-f]{64}$/.test(name);

function assertHex(sha256Hex: string): string {
  if (!isSha256Hex(sha256Hex)) throw new Error(`not a lowercase hex SHA-256: ${sha256Hex}`);
  return sha256Hex;
}
