// When messages stored on SQLite reach the search index (./message-index.ts): a moment after they
// are committed, all that came meanwhile in one batch, and at once before a search reads the index,
// so a search finds every committed message. The indexing runs on the store thread, under the
// process's write lock like the store thread's commits (../../db/write-lock.ts).
import { db } from "../../db/client";
import { writeLock } from "../../db/write-lock";
import { listenToCommittedEvents } from "../../live/committed-feed";
import { logger } from "../../logger";
import { storeThread } from "../../whatsapp/store-thread/client";

/** How long new messages wait to be indexed together (a search meanwhile indexes them first). */
const INDEX_DELAY_MS = 200;

const indexOnStoreThread = () => writeLock().runExclusive(() => storeThread().indexSearch());

/** Before a search: indexes what was noted and not yet indexed (a read tells whether anything was). */
export async function indexNotedMessagesNow(): Promise<void> {
  const noted = await db().read.$queryRaw<unknown[]>`SELECT 1 FROM "MessageSearch_pending" LIMIT 1`;
  if (noted.length > 0) await indexOnStoreThread();
}

/** From now on, indexes the messages this process commits a moment after each commit. Returns the stop. */
export function indexMessagesAfterCommits(): () => void {
  let timer: NodeJS.Timeout | null = null;
  const index = () => {
    timer = null;
    indexOnStoreThread().catch((error: unknown) => logger.warn("indexing new messages for search failed; the next search retries", { error: String(error) }));
  };
  const stopListening = listenToCommittedEvents((events) => {
    if (timer || !events.some((event) => event.event.type === "message.created")) return;
    timer = setTimeout(index, INDEX_DELAY_MS);
    timer.unref();
  });
  return () => {
    stopListening();
    if (timer) clearTimeout(timer);
  };
}
