// A real tRPC client for Node: HTTP for queries, WebSocket for the live stream, signed in with a
// session cookie exactly as the browser is.
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from "@trpc/client";
import WebSocket from "ws";
import type { AppRouter } from "../src/server/api/root";
import { MAX_CALLS_PER_BATCH } from "../src/shared/batch";

export interface ClientOptions {
  cookie?: string;
  origin?: string;
  onClose?: (cause?: { code?: number }) => void;
  /** Retry quickly in tests; production clients use jittered backoff. */
  retryDelayMs?: (attempt: number) => number;
}

export function connect(baseUrl: string, options: ClientOptions = {}) {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;

  class AuthenticatedWebSocket extends WebSocket {
    constructor(url: string | URL) {
      super(url, { headers });
    }
  }

  const wsClient = createWSClient({
    url: `${baseUrl.replace(/^http/, "ws")}/api/trpc-ws`,
    WebSocket: AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs: options.retryDelayMs ?? (() => 100),
    keepAlive: { enabled: true, intervalMs: 5_000, pongTimeoutMs: 5_000 },
    onClose: options.onClose,
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: wsLink({ client: wsClient }),
        false: httpBatchLink({ url: `${baseUrl}/api/trpc`, headers, maxItems: MAX_CALLS_PER_BATCH }),
      }),
    ],
  });
  return { client, wsClient, close: () => wsClient.close() };
}

/** The newest event id, over HTTP only: subscribe from here to get every event from now on. */
export async function latestEventId(baseUrl: string, cookie: string): Promise<string> {
  const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${baseUrl}/api/trpc`, headers: { cookie } })] });
  return (await client.events.cursor.query()).lastEventId;
}
