// The WebSocket contract between ws-server.ts and the dashboard's client.

/** Where tRPC subscriptions live; kept off every page path (Next ends upgrades it matches). */
export const WS_PATH = "/api/trpc-ws";

/** Close code for a socket without a valid session or from a foreign Origin. */
export const CLOSE_UNAUTHORIZED = 4401;
