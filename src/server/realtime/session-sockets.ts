// The open sockets of each user, with the session each was opened with. When a user's access
// changes (an `access.changed` event, from this instance or another, told by the fan-out hub), their sockets are
// checked again: a deactivated user's, or a session ended by a password reset, are closed with
// 4401 — the dashboard then finds its session gone and goes to sign in. A socket that stays gets
// the fresh user (a new role) for the procedures it runs from then on.
import type { WebSocket } from "ws";
import type { Context } from "../api/trpc";
import { currentSessionUser } from "../auth/session-user";
import { liveHub } from "../live/hub";
import { logger } from "../logger";
import { CLOSE_UNAUTHORIZED } from "@/shared/realtime";

interface OpenSocket {
  socket: WebSocket;
  /** The tRPC context of the connection; its user is replaced in place when it changes. */
  context: Context;
  signedInAt: number | null;
}

export function createSessionSockets() {
  const byUser = new Map<string, Set<OpenSocket>>();

  async function recheck(userId: string): Promise<void> {
    for (const open of byUser.get(userId) ?? []) {
      const user = await currentSessionUser(userId, open.signedInAt);
      if (user) open.context.user = user;
      else open.socket.close(CLOSE_UNAUTHORIZED, "Session ended");
    }
  }

  const stopWatching = liveHub().onAccessChanged((userId) => {
    if (!byUser.has(userId)) return;
    recheck(userId).catch((error: unknown) => logger.error("socket re-check failed", { error: String(error) }));
  });

  return {
    /** How many sockets this user has open here now. */
    count: (userId: string): number => byUser.get(userId)?.size ?? 0,
    add(socket: WebSocket, userId: string, context: Context, signedInAt: number | null): void {
      const open: OpenSocket = { socket, context, signedInAt };
      const sockets = byUser.get(userId) ?? new Set();
      byUser.set(userId, sockets.add(open));
      socket.once("close", () => {
        sockets.delete(open);
        if (sockets.size === 0 && byUser.get(userId) === sockets) byUser.delete(userId);
      });
    },
    close(): void {
      stopWatching();
    },
  };
}
