// A customer's file is fetched into the media cache as soon as its message is stored, not when
// someone first opens it: WhatsApp lets media be fetched for a limited time only. That download is
// background work, done where replies are sent (every web process unless WORKER_IN_WEB=0, and each
// `npm run worker`): every such process hears of each committed message (live/committed-feed.ts),
// and one of them — the first to claim it on the bus — fetches it. If the bus cannot tell (Redis
// down), several may fetch the same file; each checks it against its SHA-256, so that costs only a
// download.
import { bus, type BusEvent } from "../bus";
import { listenToCommittedEvents } from "../live/committed-feed";
import { prefetchMessageMedia } from "../services/conversations/media";
import { MEDIA_MESSAGE_TYPES } from "./details";

/** Longer than any delay between a message's commit and the processes hearing of it. */
const CLAIM_SECONDS = 24 * 60 * 60;

/** The ids of the customers' messages in `events` that carry a file WhatsApp keeps for us. */
export function customerMediaIn(events: readonly BusEvent[]): string[] {
  const ids: string[] = [];
  for (const { event } of events) {
    if (event.type !== "message.created") continue;
    const { message } = event;
    if (message.direction === "inbound" && MEDIA_MESSAGE_TYPES.has(message.type) && message.details?.mediaId) ids.push(message.id);
  }
  return ids;
}

async function prefetchOnce(messageId: string): Promise<void> {
  if (await bus().claim(`media-prefetch:${messageId}`, CLAIM_SECONDS)) await prefetchMessageMedia(messageId);
}

/** Fetches the files of customers' messages committed from now on, until the returned function is called. */
export function startMediaPrefetch(): () => void {
  return listenToCommittedEvents((events) => {
    for (const messageId of customerMediaIn(events)) void prefetchOnce(messageId);
  });
}
