// The open sockets of each user, with the session each was opened with. When a user's access
// changes, each of their sockets' sessions is checked again (../live/session-watch.ts): a
// deactivated user's, or a session ended by a password reset, are closed with 4401 — the dashboard
// then finds its session gone and goes to sign in. A socket that stays gets the fresh user (a new
// role) for the procedures it runs from then on.
import type { WebSocket } from "ws";
import type { Context } from "../api/trpc";
import { watchSession } from "../live/session-watch";
import { logger } from "../logger";
import { CLOSE_UNAUTHORIZED } from "@/shared/realtime";

export function createSessionSockets() {
  const byUser = new Map<string, Set<WebSocket>>();
  const watches = new Set<() => void>();

  return {
    /** How many sockets this user has open here now. */
    count: (userId: string): number => byUser.get(userId)?.size ?? 0,
    /** `context` is the connection's tRPC context: its user is replaced in place when it changes. */
    add(socket: WebSocket, userId: string, context: Context, signedInAt: number | null): void {
      const sockets = byUser.get(userId) ?? new Set();
      byUser.set(userId, sockets.add(socket));
      const stopWatching = watchSession(userId, signedInAt, {
        current: (user) => {
          context.user = user;
        },
        ended: () => socket.close(CLOSE_UNAUTHORIZED, "Session ended"),
        failed: (error) => logger.error("socket re-check failed", { error: String(error) }),
      });
      watches.add(stopWatching);
      socket.once("close", () => {
        stopWatching();
        watches.delete(stopWatching);
        sockets.delete(socket);
        if (sockets.size === 0 && byUser.get(userId) === sockets) byUser.delete(userId);
      });
    },
    close(): void {
      for (const stopWatching of watches) stopWatching();
      watches.clear();
    },
  };
}
