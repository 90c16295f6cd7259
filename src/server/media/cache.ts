// Media on disk, named by the SHA-256 of its bytes: <data dir>/media/<hex>. A file only ever gets
// there by an atomic rename after its digest was checked, so whatever is in the cache is complete
// and verified, and the same photo sent twice is stored once. Downloads in progress live in
// <data dir>/media/tmp/ (same file system, so the rename is atomic) and are removed on failure.
import { randomBytes } from "node:crypto";
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
const cachePath = (sha256Hex: string) => path.join(mediaDir(), sha256Hex);

/** The cached file with this digest, or null when it has not been fetched yet. */
export async function findCached(sha256Hex: string): Promise<CachedMedia | null> {
  const file = cachePath(assertHex(sha256Hex));
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

/** Moves a verified download into the cache under its digest. */
export async function commitToCache(tempFile: string, sha256Hex: string): Promise<CachedMedia> {
  const file = cachePath(assertHex(sha256Hex));
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
function assertHex(sha256Hex: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256Hex)) throw new Error(`not a lowercase hex SHA-256: ${sha256Hex}`);
  return sha256Hex;
}
