// The live stream of one user as an async iterable, for transports that consume one event at a
// time (tRPC over HTTP, tests). It is a subscriber of the process's fan-out hub like a WebSocket,
// so replay, ordering and visibility are decided in one place (../live/hub.ts).
import { liveHub } from "../live/hub";
import { createPushQueue } from "../live/push-queue";
import { watchSession } from "../live/session-watch";
import type { TTrackedWireEvent } from "@/shared/event-wire";
import type { Access } from "./access";

export { latestEventId } from "../live/replay";

/**
 * Every event the user may see after `lastEventId` (or from now, when null), until `signal` aborts
 * or the user is deactivated.
 */
export async function* streamEvents(
  access: Access,
  lastEventId: string | null | undefined,
  signal: AbortSignal,
  signedInAt: number | null = null,
): AsyncGenerator<TTrackedWireEvent> {
  const queue = createPushQueue<TTrackedWireEvent>(signal);
  const subscription = liveHub().subscribe(access, lastEventId, {
    deliver: (event) => queue.push(event.tracked()),
    end: (reason) => queue.end(reason.kind === "failed" ? reason.error : undefined),
  });
  // A session ended by signing out or a password reset ends its stream too, as it closes its
  // sockets (realtime/session-sockets.ts). Ended like a deactivated user's stream: the client's
  // next request learns UNAUTHORIZED.
  const stopWatching = watchSession(access.userId, signedInAt, { ended: () => queue.end(), failed: (error) => queue.end(error) });
  try {
    yield* queue.drain();
  } finally {
    stopWatching();
    subscription.close();
  }
}
