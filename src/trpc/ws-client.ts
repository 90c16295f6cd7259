// 1. One WebSocket client per browser tab, created on first use (never during server rendering).
// 2. Reconnects with exponential backoff plus random jitter, so a server restart does not bring
//    every tab back at the same instant (DESIGN.md, "Known traps").
// 3. Ping/pong keep-alive finds a dead connection in ~16 s instead of waiting for TCP.
// 4. Every attempt ends in a way tRPC notices (./managed-socket.ts): a handshake that never
//    completes is abandoned; one that ends without an "error" event gets one (tRPC would wait on
//    it for ever); and a socket given up on (no pong) counts as closed within a second, not after
//    Chromium's 60 s wait for a closing handshake that a dead peer never answers.
// 5. The server closes a socket without a valid session with 4401: then the session is gone, and
//    the user is sent to sign in again.
import { createWSClient, type TRPCWebSocketClient } from "@trpc/client";
import { CLOSE_UNAUTHORIZED, WS_PATH } from "@/shared/realtime";
import { createManagedSocketClass } from "./managed-socket";
import { loadLoginPage } from "./navigation";

const MAX_RETRY_MS = 10_000;
const HANDSHAKE_TIMEOUT_MS = 10_000;
/** How long a client-side close may wait for the server's answer before the socket counts as gone. */
const CLOSE_GRACE_MS = 1_000;

/** Full jitter over an exponential ceiling: 0.5 s, 1 s, 2 s … capped at 10 s. */
export function retryDelayMs(attemptIndex: number): number {
  const ceiling = Math.min(MAX_RETRY_MS, 500 * 2 ** attemptIndex);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function socketUrl(): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}${WS_PATH}`;
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
  client ??= createWSClient({
    url: socketUrl,
    WebSocket: createManagedSocketClass(WebSocket, { handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS, closeGraceMs: CLOSE_GRACE_MS }),
    retryDelayMs,
    keepAlive: { enabled: true, intervalMs: 10_000, pongTimeoutMs: 5_000 },
    onClose: (cause) => {
      if (cause?.code === CLOSE_UNAUTHORIZED) void leaveIfSignedOut();
    },
  });
  return client;
}
