// Dead peers are found by ping/pong (DESIGN.md): a socket that has sent nothing for `pingMs` is
// sent tRPC's "PING" text frame, and one that still says nothing `pongWaitMs` later is terminated.
// One timer sweeps every socket, instead of tRPC's two timers per socket re-armed on every message.
import type { WebSocket } from "ws";

interface Peer {
  lastSeen: number;
  pingedAt: number;
}

export function createKeepAlive(options: { pingMs: number; pongWaitMs: number }) {
  const peers = new Map<WebSocket, Peer>();

  const sweep = () => {
    const now = Date.now();
    for (const [socket, peer] of peers) {
      if (peer.pingedAt > peer.lastSeen) {
        if (now - peer.pingedAt >= options.pongWaitMs) socket.terminate();
      } else if (now - peer.lastSeen >= options.pingMs && socket.readyState === socket.OPEN) {
        peer.pingedAt = now;
        socket.send("PING");
      }
    }
  };
  const timer = setInterval(sweep, Math.max(250, Math.min(options.pingMs, options.pongWaitMs) / 4));
  timer.unref();

  return {
    /** Watches the socket until it closes; call the returned function on every frame it sends. */
    watch(socket: WebSocket): () => void {
      const peer: Peer = { lastSeen: Date.now(), pingedAt: 0 };
      peers.set(socket, peer);
      socket.once("close", () => peers.delete(socket));
      return () => {
        peer.lastSeen = Date.now();
      };
    },
    stop: () => clearInterval(timer),
  };
}
