// Before media was cached per inbox (cache.ts), files sat at <data dir>/media/<hex>. WhatsApp
// keeps media for 7 days only, so those files may be the last copy: at start, each is linked into
// the folder of every inbox whose messages announced it — the access it had before, no more — and
// then removed from the old place. A file no message announces was unreachable already.
import fs from "node:fs";
import path from "node:path";
import { db } from "../db/client";
import { logger } from "../logger";
import { cachePath, isSha256Hex, mediaDir } from "./cache";
import { MEDIA_MESSAGE_TYPES, mediaDetails } from "./details";
import { parseSha256 } from "./digest";

export async function moveLegacyMediaFiles(): Promise<number> {
  const legacy = (await fs.promises.readdir(mediaDir()).catch(() => [])).filter(isSha256Hex);
  if (legacy.length === 0) return 0;

  const inboxesOf = await inboxesAnnouncing(new Set(legacy));
  for (const name of legacy) {
    const from = path.join(mediaDir(), name);
    for (const inboxId of inboxesOf.get(name) ?? []) {
      const to = cachePath(inboxId, name);
      await fs.promises.mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
      // A hard link: one copy on disk however many inboxes share it; "EEXIST" means done before.
      await fs.promises.link(from, to).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      });
    }
    await fs.promises.rm(from, { force: true });
  }
  logger.info("media cache moved to per-inbox folders", { files: legacy.length });
  return legacy.length;
}

/** For each digest asked about, the inboxes with a message that announced it. */
async function inboxesAnnouncing(digests: Set<string>): Promise<Map<string, Set<string>>> {
  const owners = new Map<string, Set<string>>();
  const messages = await db().read.message.findMany({
    where: { type: { in: [...MEDIA_MESSAGE_TYPES] }, details: { not: null } },
    select: { type: true, details: true, conversation: { select: { inboxId: true } } },
  });
  for (const message of messages) {
    const announced = mediaDetails(message)?.sha256;
    const hex = announced ? parseSha256(announced)?.toString("hex") : undefined;
    if (!hex || !digests.has(hex)) continue;
    let inboxes = owners.get(hex);
    if (!inboxes) owners.set(hex, (inboxes = new Set()));
    inboxes.add(message.conversation.inboxId);
  }
  return owners;
}
