// A session checked again whenever its user's access changes (an `access.changed` event, from this
// process or another, told by the fan-out hub): a deactivated user, or a session ended by signing
// out or a password reset, no longer counts; nor does the session of someone who must now set up
// two-factor sign-in (an admin required it for everyone: every procedure refuses them, so their open
// streams must stop too). The one home of that re-check, for the WebSocket connections
// (realtime/session-sockets.ts) and the event streams (services/event-stream.ts).
import { currentSessionUser, type SessionUser } from "../auth/session-user";
import { mustEnrolTwoFactor } from "../auth/two-factor-policy";
import { liveHub } from "./hub";

export interface SessionWatcher {
  /** The session still counts; `user` is as they are now (a new role, a new name). */
  current?(user: SessionUser): void;
  /** The session no longer counts. */
  ended(): void;
  /** The re-check could not be made (the database did not answer). */
  failed(error: unknown): void;
}

/** Re-checks the session `userId` began at `signedInAt` on every change of their access, until the returned function is called. */
export function watchSession(userId: string, signedInAt: number | null, watcher: SessionWatcher): () => void {
  return liveHub().onAccessChanged((changed) => {
    if (changed !== userId) return;
    stillCounts(userId, signedInAt).then((user) => (user ? watcher.current?.(user) : watcher.ended()), watcher.failed);
  });
}

async function stillCounts(userId: string, signedInAt: number | null): Promise<SessionUser | null> {
  const user = await currentSessionUser(userId, signedInAt);
  return user && !(await mustEnrolTwoFactor(userId)) ? user : null;
}
