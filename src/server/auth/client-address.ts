// The address a request came from, for throttling. ws-server.ts writes it into a header of its own
// before Next sees the request (overwriting whatever a client sent in that header): the socket's
// peer, or — with TRUST_PROXY=1, behind a reverse proxy — the last address the proxy appended to
// X-Forwarded-For (earlier entries are the client's own word, so never trusted).
import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER = "x-switchboard-client-address";

export function clientAddressOfRequest(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  const chain = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((entry) => entry.trim()).filter(Boolean);
  if (trustProxy && chain.length > 0) return chain.at(-1)!;
  return req.socket.remoteAddress ?? "unknown";
}

/** Read back inside Next (next-auth hands authorize() the headers as a plain object or Headers). */
export function clientAddressOf(headers: unknown): string {
  if (headers instanceof Headers) return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
  if (headers && typeof headers === "object") {
    const value = (headers as Record<string, unknown>)[CLIENT_ADDRESS_HEADER];
    if (typeof value === "string") return value;
  }
  return "unknown";
}
