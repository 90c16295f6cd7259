// One socket speaking tRPC's WebSocket protocol, in place of tRPC's own adapter. Requests run
// through the app's router (./procedure-call.ts), so middleware, input schemas and the client's
// types are tRPC's. What differs is the cost of a live stream: events.subscribe gets a channel
// to the fan-out hub (./live-channel.ts) and writes shared bytes, instead of each event being
// serialised for each socket through an async-generator chain.
import type { Duplex } from "node:stream";
import { TRPCError } from "@trpc/server";
import type { RawData, WebSocket } from "ws";
import { z } from "zod";
import { MAX_CALLS_PER_BATCH } from "@/shared/batch";
import type { Context } from "../../api/trpc";
import { logger } from "../../logger";
import { callRequest, errorShape, subscriptionFrame } from "./procedure-call";
import { socketChannel } from "./live-channel";
import { errorFrame, responsePrefix, resultFrame, ZClientMessage, type TRequest, type TRequestId } from "./protocol";

export interface ConnectionLimits {
  maxSubscriptions: number;
  maxBufferedBytes: number;
}

const idOf = (raw: unknown): TRequestId | null => {
  const id: unknown = typeof raw === "object" && raw !== null && "id" in raw ? raw.id : null;
  return typeof id === "number" || (typeof id === "string" && id.length <= 64) ? id : null;
};

const textOf = (data: RawData): string =>
  Buffer.isBuffer(data) ? data.toString("utf8") : Array.isArray(data) ? Buffer.concat(data).toString("utf8") : Buffer.from(data).toString("utf8");

/** Serves the socket (`raw`: the TCP socket under it) until it closes; `onMessage` is told of every frame (keep-alive). */
export function serveConnection(socket: WebSocket, raw: Duplex, context: Context, limits: ConnectionLimits, onMessage: () => void): void {
  const subscriptions = new Map<TRequestId, AbortController>();
  const send = (frame: string) => {
    if (socket.readyState === socket.OPEN) socket.send(frame);
  };
  const sendError = (id: TRequestId | null, cause: unknown, request: TRequest | null = null) =>
    send(errorFrame(responsePrefix(id, request?.jsonrpc), errorShape(cause, request, context)));

  async function answer(request: TRequest): Promise<void> {
    const prefix = responsePrefix(request.id, request.jsonrpc);
    try {
      const outcome = await callRequest(request, { user: context.user }, new AbortController().signal);
      if (outcome.kind === "value") send(resultFrame(prefix, { type: "data", data: outcome.value }));
    } catch (error) {
      sendError(request.id, error, request);
    }
  }

  async function subscribe(request: TRequest): Promise<void> {
    const { id } = request;
    if (subscriptions.has(id)) return sendError(id, new TRPCError({ code: "BAD_REQUEST", message: `Duplicate id ${id}` }), request);
    if (subscriptions.size >= limits.maxSubscriptions) {
      const message = `At most ${limits.maxSubscriptions} subscriptions per connection`;
      return sendError(id, new TRPCError({ code: "TOO_MANY_REQUESTS", message }), request);
    }
    const controller = new AbortController();
    subscriptions.set(id, controller);
    const prefix = responsePrefix(id, request.jsonrpc);
    try {
      const live = socketChannel(socket, raw, prefix, limits.maxBufferedBytes);
      const outcome = await callRequest(request, { user: context.user, live }, controller.signal);
      if (outcome.kind !== "stream" || controller.signal.aborted) return;
      send(resultFrame(prefix, { type: "started" }));
      for await (const item of outcome.stream) {
        if (controller.signal.aborted) break;
        send(subscriptionFrame(prefix, item));
      }
      send(resultFrame(prefix, { type: "stopped" }));
    } catch (error) {
      if (!controller.signal.aborted) sendError(id, error, request);
    } finally {
      if (subscriptions.get(id) === controller) subscriptions.delete(id);
    }
  }

  function handle(raw: unknown): void {
    const parsed = ZClientMessage.safeParse(raw);
    if (!parsed.success) return sendError(idOf(raw), new TRPCError({ code: "BAD_REQUEST", message: z.prettifyError(parsed.error) }));
    const message = parsed.data;
    if (message.method === "connectionParams") return;
    if (message.method === "subscription.stop") return subscriptions.get(message.id)?.abort();
    const work = message.method === "subscription" ? subscribe(message) : answer(message);
    work.catch((error: unknown) => logger.error("websocket request failed", { error: String(error) }));
  }

  socket.on("message", (data, isBinary) => {
    onMessage();
    if (isBinary) return sendError(null, new TRPCError({ code: "UNPROCESSABLE_CONTENT", message: "Text frames only" }));
    const text = textOf(data);
    if (text === "PING") return send("PONG");
    if (text === "PONG") return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return sendError(null, new TRPCError({ code: "PARSE_ERROR", message: "Not JSON" }));
    }
    const batch = Array.isArray(raw) ? raw : [raw];
    // tRPC's client sends what queued up while connecting as one batch; it never nears the bound.
    if (batch.length > MAX_CALLS_PER_BATCH) {
      return sendError(null, new TRPCError({ code: "BAD_REQUEST", message: `At most ${MAX_CALLS_PER_BATCH} messages at once` }));
    }
    batch.forEach(handle);
  });

  socket.once("close", () => {
    for (const controller of subscriptions.values()) controller.abort();
    subscriptions.clear();
  });
}
