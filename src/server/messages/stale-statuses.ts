// Statuses kept for a wamid not known yet (whatsapp/ingest-store.ts, keepPendingStatus), forgotten
// once they can no longer find their message. Run by the outbox worker.
import { db } from "../db/client";

/**
 * Statuses that never found their message (one sent from the WhatsApp Business app on the same
 * number, say) would pile up. A send's answer comes within seconds, so a week is far past any use.
 */
export async function forgetStalePendingStatuses(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const { count } = await db().transaction((tx) => tx.pendingStatus.deleteMany({ where: { createdAt: { lt: cutoff } } }));
  return count;
}
