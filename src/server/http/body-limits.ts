// How large a request body may be, by route, checked once for every route in ws-server.ts before
// Next reads a byte of it. Route handlers read whole bodies into memory with no bound of their own
// (tRPC's fetch adapter, next-auth's sign-in): one 64 MiB POST to sign-in grew the server by 194 MB.
// 1. A declared Content-Length over the route's limit is answered 413 at once; nothing of the body
//    is kept (see refuseBody for what happens to the bytes still on their way).
// 2. A body that does not declare its length (Transfer-Encoding: chunked) could only be measured
//    by reading it, so it is refused with 411 — except on the webhook, whose handler counts the
//    bytes as they arrive (read-body.ts), because how Meta sends is not ours to choose. Browsers,
//    next-auth's client and tRPC's httpBatchLink always declare the length.
// Node's HTTP parser already refuses a malformed or doubled Content-Length with 400, and never
// reads more than the declared length as this request's body.
import type { IncomingMessage, ServerResponse } from "node:http";
import { WEBHOOK_PATH } from "@/shared/webhook-path";
import type { Env } from "../env";

export type BodyRoute = "auth" | "trpc" | "webhook" | "upload" | "other";

export type BodyLimits = Pick<Env, "AUTH_MAX_BODY_BYTES" | "TRPC_MAX_BODY_BYTES" | "WEBHOOK_MAX_BODY_BYTES" | "UPLOAD_MAX_BODY_BYTES" | "HTTP_MAX_BODY_BYTES">;

/** Where agents upload files to send (src/app/api/uploads). */
export const UPLOAD_PATH = "/api/uploads";

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The route class of a request target; dot segments are resolved first, as Next resolves them. */
export function bodyRouteOf(target: string): BodyRoute {
  let path: string;
  try {
    path = new URL(target, "http://localhost").pathname;
  } catch {
    return "other";
  }
  if (under(path, "/api/auth")) return "auth";
  if (under(path, "/api/trpc")) return "trpc";
  if (path === WEBHOOK_PATH) return "webhook";
  if (path === UPLOAD_PATH) return "upload";
  return "other";
}

export function bodyLimit(route: BodyRoute, limits: BodyLimits): number {
  switch (route) {
    case "auth":
      return limits.AUTH_MAX_BODY_BYTES;
    case "trpc":
      return limits.TRPC_MAX_BODY_BYTES;
    case "webhook":
      return limits.WEBHOOK_MAX_BODY_BYTES;
    case "upload":
      return limits.UPLOAD_MAX_BODY_BYTES;
    case "other":
      return limits.HTTP_MAX_BODY_BYTES;
  }
}

/** "16 KiB", "1 MiB", or bytes when it is neither. */
export function describeBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export type BodyVerdict = { ok: true } | { ok: false; status: 411 | 413; error: string };

/** Whether a request with these headers may have its body read on this route. */
export function judgeBody(target: string, headers: IncomingMessage["headers"], limits: BodyLimits): BodyVerdict {
  const route = bodyRouteOf(target);
  const limit = bodyLimit(route, limits);
  const declared = headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) <= limit) return { ok: true };
    return { ok: false, status: 413, error: `Request body too large: at most ${describeBytes(limit)} here` };
  }
  if (headers["transfer-encoding"] === undefined || route === "webhook") return { ok: true };
  return { ok: false, status: 411, error: "Send the request body with a Content-Length header" };
}

/** How long a refused body may go on arriving (and be dropped) before its connection is cut. */
export const LINGER_MS = 2_000;

/** Answers and returns true when the request's body may not be read; otherwise returns false. */
export function refuseBody(req: IncomingMessage, res: ServerResponse, limits: BodyLimits): boolean {
  const verdict = judgeBody(req.url ?? "/", req.headers, limits);
  if (verdict.ok) return false;
  res.writeHead(verdict.status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: verdict.error }));
  lingerThenCut(req);
  return true;
}

/**
 * After a body was refused, answered while the client is most likely still sending. Closing at
 * once would make the kernel reset the connection, and a reset can wipe the answer from the
 * client's buffers before it reads it. So, as nginx does, the connection lingers: Node takes what
 * still arrives and drops it (it never holds an unread body), and after a moment the connection is
 * cut whatever is left.
 */
export function lingerThenCut(req: IncomingMessage): void {
  if (req.complete) return;
  const cut = setTimeout(() => req.socket.destroy(), LINGER_MS);
  cut.unref();
  req.once("end", () => clearTimeout(cut));
  req.socket.once("close", () => clearTimeout(cut));
}
