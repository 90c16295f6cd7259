// The WebSocket side of tRPC on /api/trpc-ws. Each upgrade is authenticated from the session
// cookie and its Origin checked (WebSockets have no CORS) before tRPC sees it; a socket that fails
// either is closed with 4401 and never reaches a procedure. An open socket whose user is
// deactivated or whose session ends is closed with 4401 too (./session-sockets.ts).
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Context } from "../api/trpc";
import { sessionFromHeaders } from "../auth/session-user";
import { env } from "../env";
import { logger } from "../logger";
import { CLOSE_TOO_MANY_SOCKETS, CLOSE_UNAUTHORIZED } from "@/shared/realtime";
import { createSessionSockets } from "./session-sockets";
import { serveConnection, type ConnectionLimits } from "./wire/connection";
import { createKeepAlive } from "./wire/keep-alive";
import { RECONNECT_FRAME } from "./wire/protocol";


/** Browsers always send Origin; it must name this server. Non-browser clients send none. */
export function isAllowedOrigin(req: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const allowed = new Set<string>();
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  if (req.headers.host) {
    allowed.add(`http://${req.headers.host}`);
    allowed.add(`https://${req.headers.host}`);
  }
  return allowed.has(origin);
}

export function createRealtime(options: { publicUrl: string | undefined }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const sessionSockets = createSessionSockets();
  const keepAlive = createKeepAlive({ pingMs: 15_000, pongWaitMs: 10_000 });
  const limits: ConnectionLimits = {
    maxSubscriptions: env().LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET,
    maxBufferedBytes: env().LIVE_MAX_BUFFERED_BYTES,
  };
  const rejecter = new WebSocketServer({ noServer: true });

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const session = isAllowedOrigin(req, options.publicUrl) ? await sessionFromHeaders(req.headers).catch(() => null) : null;
    if (!session) {
      rejecter.handleUpgrade(req, socket, head, (ws) => ws.close(CLOSE_UNAUTHORIZED, "Unauthorized"));
      return;
    }
    if (sessionSockets.count(session.user.id) >= env().LIVE_MAX_SOCKETS_PER_USER) {
      rejecter.handleUpgrade(req, socket, head, (ws) => ws.close(CLOSE_TOO_MANY_SOCKETS, "Too many open connections for this user"));
      return;
    }
    const context: Context = { user: session.user, signedInAt: session.signedInAt };
    wss.handleUpgrade(req, socket, head, (ws) => {
      sessionSockets.add(ws, session.user.id, context, session.signedInAt);
      serveConnection(ws, socket, context, limits, keepAlive.watch(ws));
    });
  }

  return {
    handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      handleUpgrade(req, socket, head).catch((error: unknown) => {
        logger.error("websocket upgrade failed", { error: String(error) });
        socket.destroy();
      });
    },
    /** Tells every client to reconnect (to another instance, or to this one after a restart). */
    async close() {
      sessionSockets.close();
      keepAlive.stop();
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(RECONNECT_FRAME);
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const client of wss.clients) client.close(1012, "Server restarting");
      wss.close();
      rejecter.close();
    },
  };
}
