// 1. One WebSocket client per browser tab, created on first use (never during server rendering).
// 2. Reconnects with exponential backoff plus random jitter, so a server restart does not bring
//    every tab back at the same instant (DESIGN.md, "Known traps"). The wait lives in
//    ./reconnect-gate.ts rather than in tRPC, so that it can be cut short:
// 3. When the browser says it is back online, or the tab is shown again (a laptop waking up), a
//    tab that is waiting to reconnect tries again within a second, a handshake that has been
//    hanging since before is abandoned for a fresh one, and an open socket is asked for a pong
//    (it may have died while the laptop slept) and dropped if none comes.
// 4. Ping/pong keep-alive finds a dead connection in ~16 s instead of waiting for TCP.
// 5. Every attempt ends in a way tRPC notices (./managed-socket.ts): a handshake that never
//    completes is abandoned; one that ends without an "error" event gets one (tRPC would wait on
//    it for ever); and a socket given up on (no pong) counts as closed within a second, not after
//    Chromium's 60 s wait for a closing handshake that a dead peer never answers.
// 6. The server closes a socket without a valid session with 4401: then the session is gone, and
//    the user is sent to sign in again.
import { createWSClient, type TRPCWebSocketClient } from "@trpc/client";
import { CLOSE_UNAUTHORIZED, WS_PATH } from "@/shared/realtime";
import { createManagedSocketClass, type ManagedSocket } from "./managed-socket";
import { loadLoginPage } from "./navigation";
import { ReconnectGate } from "./reconnect-gate";

const HANDSHAKE_TIMEOUT_MS = 10_000;
const PONG_TIMEOUT_MS = 5_000;
/** How long a client-side close may wait for the server's answer before the socket counts as gone. */
const CLOSE_GRACE_MS = 1_000;
/** On waking up, a handshake pending for longer than this was started on the old network. */
const STALE_HANDSHAKE_MS = 1_000;

function socketUrl(): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}${WS_PATH}`;
}

/**
 * The browser is back online, or the tab is shown again: an open socket may have died meanwhile
 * (ask it for a pong), a handshake begun before may be stuck on the old network (start afresh),
 * and a wait for the next attempt is cut short.
 */
export function wakeUp(socket: ManagedSocket | null, gate: Pick<ReconnectGate, "wake">, now: number): void {
  if (socket && socket.readyState === socket.OPEN) {
    socket.probe(PONG_TIMEOUT_MS);
    return;
  }
  gate.wake();
  if (socket && socket.readyState === socket.CONNECTING && now - socket.createdAt > STALE_HANDSHAKE_MS) socket.close();
}

let leavingForLogin = false;

/** A 4401 can also mean a rejected Origin; only leave when the HTTP session is really gone. */
async function leaveIfSignedOut(): Promise<void> {
  if (leavingForLogin) return;
  try {
    const response = await fetch("/api/auth/session", { cache: "no-store" });
    const session: unknown = response.ok ? await response.json() : null;
    const signedIn = typeof session === "object" && session !== null && "user" in session;
    if (signedIn) return;
  } catch {
    return; // Offline: the reconnect loop will try again.
  }
  leavingForLogin = true;
  loadLoginPage();
}

let client: TRPCWebSocketClient | null = null;

export function getWsClient(): TRPCWebSocketClient {
  if (client) return client;
  const gate = new ReconnectGate();
  let socket: ManagedSocket | null = null;
  const SocketClass = createManagedSocketClass(WebSocket, {
    handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
    closeGraceMs: CLOSE_GRACE_MS,
    onCreate: (created) => {
      socket = created;
    },
  });

  client = createWSClient({
    url: () => gate.turn().then(socketUrl),
    WebSocket: SocketClass,
    // The backoff happens in gate.turn(), where wake() can shorten it.
    retryDelayMs: () => 0,
    keepAlive: { enabled: true, intervalMs: 10_000, pongTimeoutMs: PONG_TIMEOUT_MS },
    onOpen: () => gate.opened(),
    onClose: (cause) => {
      if (cause?.code === CLOSE_UNAUTHORIZED) void leaveIfSignedOut();
    },
  });

  const wake = () => wakeUp(socket, gate, performance.now());
  window.addEventListener("online", wake);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") wake();
  });
  return client;
}
