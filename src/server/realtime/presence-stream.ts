// The presence subscription of one user: who is online (a snapshot at once, then on each change)
// and the typing signals they may see. Ephemeral and untracked: nothing here has an event id, and a
// reconnecting client simply starts again from a fresh snapshot.
import { bus } from "../bus";
import { liveHub } from "../live/hub";
import { createPushQueue } from "../live/push-queue";
import { reloadAccess, type Access } from "../services/access";
import type { TPresenceUpdate } from "@/shared/presence";
import { presenceTracker } from "./presence";
import { mayReceiveTyping } from "./typing";

export async function* streamPresence(initialAccess: Access, signal: AbortSignal): AsyncGenerator<TPresenceUpdate> {
  // Ends the bus iterators when this stream ends for its own reasons (the user was deactivated).
  const own = new AbortController();
  const abort = AbortSignal.any([signal, own.signal]);
  const queue = createPushQueue<TPresenceUpdate>(abort);
  let access = initialAccess;

  // Only people who share an inbox with this user, by the user's access as it is now.
  const tracker = presenceTracker();
  const pushOnline = () => queue.push({ type: "online", users: tracker.visibleTo(access) });
  const stopWatching = tracker.onChange(pushOnline);
  pushOnline();

  const typing = bus().subscribeSignals(abort);
  void (async () => {
    for await (const item of typing) {
      if (item.type !== "typing" || !mayReceiveTyping(access, item)) continue;
      queue.push({ type: "typing", conversationId: item.conversationId, user: item.user, typing: item.typing });
    }
  })().catch((error: unknown) => queue.end(error));

  // Like the event stream: when the user's inboxes change, typing is filtered by the new ones.
  // Re-reads are chained, so an older answer never overwrites a newer one.
  let reloading = Promise.resolve();
  const stopAccessWatch = liveHub().onAccessChanged((userId) => {
    if (userId !== access.userId) return;
    reloading = reloading
      .then(() => reloadAccess(userId))
      .then((reloaded) => {
        if (!reloaded) return queue.end();
        access = reloaded;
        pushOnline();
      })
      .catch((error: unknown) => queue.end(error));
  });

  try {
    yield* queue.drain();
  } finally {
    stopWatching();
    stopAccessWatch();
    own.abort();
  }
}
