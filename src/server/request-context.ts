// The HTTP request that a piece of work belongs to, so that every log line written while serving it
// carries the request's id (logger.ts adds it). ws-server.ts enters the context; Next's route
// handlers read it. They are another module graph in the same process, so the one
// AsyncLocalStorage lives on globalThis: a second instance would always read "no request".
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

interface RequestContext {
  readonly requestId: string;
}

const globalForContext = globalThis as typeof globalThis & {
  __switchboardRequestContext?: AsyncLocalStorage<RequestContext>;
};

const storage = (): AsyncLocalStorage<RequestContext> =>
  (globalForContext.__switchboardRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` (and everything it starts, sync or async) as part of the request `id`. */
export function withRequestId<T>(id: string, fn: () => T): T {
  return storage().run({ requestId: id }, fn);
}

/** The id of the request being served here, if any. */
export function requestId(): string | undefined {
  return storage().getStore()?.requestId;
}

/** Short and plain, so a client's id can go into logs and headers as it is. */
const SANE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The id to use for a request: the caller's `x-request-id` when it is a sane token (a proxy's id
 * then links its logs with ours), otherwise a new random one.
 */
export function requestIdFromHeader(header: string | string[] | undefined): string {
  return typeof header === "string" && SANE_ID.test(header) ? header : randomUUID();
}
