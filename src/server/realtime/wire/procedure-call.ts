// Runs one request of a socket through the app's router, exactly as tRPC's own adapter would: the
// procedure's middleware (sign-in, access) and input schema apply, and errors take tRPC's shape.
import { TRPCError } from "@trpc/server";
import {
  callProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isTrackedEnvelope,
} from "@trpc/server/unstable-core-do-not-import";
import { appRouter } from "../../api/root";
import type { Context } from "../../api/trpc";
import { resultFrame, resultFrameOf, trackedResultJson, type TRequest } from "./protocol";

export function errorShape(cause: unknown, request: Pick<TRequest, "method" | "params"> | null, ctx: Context | undefined): unknown {
  return getErrorShape({
    config: appRouter._def._config,
    error: getTRPCErrorFromUnknown(cause),
    type: request?.method ?? "unknown",
    path: request?.params.path,
    input: request?.params.input,
    ctx,
  });
}

/** The request's input, with a resuming subscription's lastEventId folded in as tRPC's adapter does. */
function inputOf(request: TRequest): unknown {
  const { input, lastEventId } = request.params;
  if (lastEventId === undefined) return input;
  if (input !== null && typeof input === "object" && !Array.isArray(input)) return { ...input, lastEventId };
  return input ?? { lastEventId };
}

export type CallOutcome = { kind: "value"; value: unknown } | { kind: "stream"; stream: AsyncIterable<unknown> };

export async function callRequest(request: TRequest, ctx: Context, signal: AbortSignal): Promise<CallOutcome> {
  const input = inputOf(request);
  const result: unknown = await callProcedure({
    router: appRouter,
    path: request.params.path,
    getRawInput: () => Promise.resolve(input),
    ctx,
    type: request.method,
    signal,
    batchIndex: 0,
  });
  const isStream = isAsyncIterable<unknown>(result);
  if (request.method === "subscription" && !isStream) {
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `Subscription ${request.params.path} returned no stream` });
  }
  if (request.method !== "subscription" && isStream) {
    throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Streams are subscriptions" });
  }
  return isStream ? { kind: "stream", stream: result } : { kind: "value", value: result };
}

/** A subscription's item as the frame tRPC's client expects (a tracked one carries its id twice). */
export function subscriptionFrame(prefix: string, item: unknown): string {
  if (!isTrackedEnvelope(item)) return resultFrame(prefix, { type: "data", data: item });
  const [id, data] = item;
  return resultFrameOf(prefix, trackedResultJson(id, JSON.stringify(data ?? null)));
}
