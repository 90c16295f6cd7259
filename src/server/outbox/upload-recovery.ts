// A worker that stopped while uploading a file (media-upload.ts) left its job "sending", which
// would normally make the message "in doubt": the send may have reached WhatsApp. But a file's
// message is sent only after its media id is committed, so one without a media id was never sent,
// and its job can simply go back to the queue (the file is uploaded again; an upload reaches no one).
import type { Tx } from "../db/client";
import { mediaDetails } from "../media/details";

/** True, and the job queued again, when the interrupted attempt was still uploading the file. */
export async function requeueIfStillUploading(tx: Tx, messageId: string): Promise<boolean> {
  const message = await tx.message.findUnique({ where: { id: messageId }, select: { type: true, details: true, direction: true } });
  const details = message && mediaDetails(message);
  if (!details || message.direction !== "outbound" || details.mediaId || !details.sha256) return false;
  await tx.outboxJob.updateMany({
    where: { messageId, state: "sending" },
    data: { state: "queued", leaseUntil: null, nextAttemptAt: new Date(), lastError: "Interrupted while uploading the file" },
  });
  return true;
}
