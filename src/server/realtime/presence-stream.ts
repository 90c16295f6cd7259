// The presence subscription of one user: who is online (a snapshot at once, then on each change)
// and the typing signals they may see. Ephemeral and untracked: nothing here has an event id, and a
// reconnecting client simply starts again from a fresh snapshot.
import { bus } from "../bus";
import { reloadAccess, type Access } from "../services/access";
import type { TPresenceUpdate } from "@/shared/presence";
import { presenceTracker } from "./presence";
import { mayReceiveTyping } from "./typing";

/** A queue filled by several producers and drained by one async generator. */
function pushQueue<T>(abort: AbortSignal) {
  const items: T[] = [];
  let ended = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const poke = () => wake?.();
  abort.addEventListener("abort", poke, { once: true });

  return {
    push(item: T) {
      if (ended) return;
      items.push(item);
      poke();
    },
    end(error?: unknown) {
      ended = true;
      if (error !== undefined) failure = { error };
      poke();
    },
    async *drain(): AsyncGenerator<T> {
      while (!abort.aborted) {
        const next = items.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (failure) throw failure.error;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    },
  };
}

export async function* streamPresence(initialAccess: Access, signal: AbortSignal): AsyncGenerator<TPresenceUpdate> {
  // Ends the bus iterators when this stream ends for its own reasons (the user was deactivated).
  const own = new AbortController();
  const abort = AbortSignal.any([signal, own.signal]);
  const queue = pushQueue<TPresenceUpdate>(abort);
  let access = initialAccess;

  const tracker = presenceTracker();
  const stopWatching = tracker.onChange((users) => queue.push({ type: "online", users }));
  queue.push({ type: "online", users: tracker.online() });

  const typing = bus().subscribeSignals(abort);
  void (async () => {
    for await (const item of typing) {
      if (item.type !== "typing" || !mayReceiveTyping(access, item)) continue;
      queue.push({ type: "typing", conversationId: item.conversationId, user: item.user, typing: item.typing });
    }
  })().catch((error: unknown) => queue.end(error));

  // Like the event stream: when the user's inboxes change, typing is filtered by the new ones.
  const events = bus().subscribe(abort);
  void (async () => {
    for await (const event of events) {
      if (event.event.type !== "access.changed" || event.userId !== access.userId) continue;
      const reloaded = await reloadAccess(access.userId);
      if (!reloaded) return queue.end();
      access = reloaded;
    }
  })().catch((error: unknown) => queue.end(error));

  try {
    yield* queue.drain();
  } finally {
    stopWatching();
    own.abort();
  }
}
