// SQLite's search index of messages, filled after the commits that store them (migration 0024):
// the trigger notes each new message in MessageSearch_pending, and this moves the noted messages
// into MessageSearch in batches, in the order they were stored (a search pages by that order). Runs
// on the store thread's connection (../../whatsapp/store-thread/), which holds no Prisma: plain SQL.
// A message deleted before it was indexed is simply not found by the join.
import type { DirectWriter } from "../../db/direct-writer";

/** The most noted messages one transaction indexes, so a long backlog commits in steps. */
const BATCH = 2_000;

/** Indexes one batch; how many noted messages it took (0: nothing was waiting). */
async function indexBatch(writer: DirectWriter): Promise<number> {
  writer.exec("BEGIN IMMEDIATE");
  try {
    const [batch] = await writer.sql.all<{ upTo: number | bigint | null; noted: number }>(
      `SELECT MAX(rowid) AS "upTo", COUNT(*) AS "noted" FROM (SELECT rowid FROM "MessageSearch_pending" ORDER BY rowid LIMIT ${BATCH})`,
    );
    if (!batch || batch.upTo === null) {
      writer.exec("ROLLBACK");
      return 0;
    }
    await writer.sql.run(
      `INSERT INTO "MessageSearch" ("body", "messageId", "conversationId")
       SELECT m."body", m."id", m."conversationId"
         FROM "MessageSearch_pending" p JOIN "Message" m ON m."id" = p."messageId"
        WHERE p.rowid <= ? ORDER BY p.rowid`,
      batch.upTo,
    );
    await writer.sql.run(`DELETE FROM "MessageSearch_pending" WHERE rowid <= ?`, batch.upTo);
    writer.exec("COMMIT");
    return batch.noted;
  } catch (error) {
    writer.exec("ROLLBACK");
    throw error;
  }
}

/** Indexes every message noted so far; how many it took. */
export async function indexNotedMessages(writer: DirectWriter): Promise<number> {
  for (let total = 0; ; ) {
    const taken = await indexBatch(writer);
    total += taken;
    if (taken < BATCH) return total;
  }
}
