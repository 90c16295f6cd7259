// The WebSocket contract between ws-server.ts and the dashboard's client.

/** Where tRPC subscriptions live; kept off every page path (Next ends upgrades it matches). */
export const WS_PATH = "/api/trpc-ws";

/** Close code for a socket without a valid session or from a foreign Origin. */
export const CLOSE_UNAUTHORIZED = 4401;

/**
 * Close code for a socket that stopped reading: the server would not buffer more for it. The
 * client reconnects and resumes from its last event id like after any other drop.
 */
export const CLOSE_TOO_SLOW = 4408;
/**
 * The user already has as many sockets open on this server as one may (LIVE_MAX_SOCKETS_PER_USER):
 * this one is refused; the client tries again later, as after any close.
 */
export const CLOSE_TOO_MANY_SOCKETS = 4429;
