// tRPC's WebSocket protocol, as its client (`createWSClient`) speaks it: JSON-RPC-like requests,
// one message or a batch; "PING"/"PONG" text frames for keep-alive. Every incoming message is
// validated here before anything else looks at it.
import { z } from "zod";

const ZRequestId = z.union([z.number().int().safe(), z.string().max(64)]);

const ZRequest = z.object({
  id: ZRequestId,
  jsonrpc: z.literal("2.0").optional(),
  method: z.enum(["query", "mutation", "subscription"]),
  params: z.object({
    path: z.string().min(1).max(200),
    input: z.unknown().optional(),
    lastEventId: z.string().max(64).nullish(),
  }),
});

const ZStop = z.object({
  id: ZRequestId,
  jsonrpc: z.literal("2.0").optional(),
  method: z.literal("subscription.stop"),
});

// Sent first when a client is configured with connectionParams; ours is not, so it is ignored.
const ZConnectionParams = z.object({ method: z.literal("connectionParams") });

export const ZClientMessage = z.union([ZRequest, ZStop, ZConnectionParams]);
export type TClientMessage = z.infer<typeof ZClientMessage>;
export type TRequest = z.infer<typeof ZRequest>;
export type TRequestId = z.infer<typeof ZRequestId>;

/** What every response to this request starts with, up to the comma before "result"/"error". */
export function responsePrefix(id: TRequestId | null, jsonrpc: "2.0" | undefined): string {
  return `{"id":${JSON.stringify(id)},${jsonrpc ? `"jsonrpc":"2.0",` : ""}`;
}

export const resultFrame = (prefix: string, result: unknown) => resultFrameOf(prefix, JSON.stringify(result));
/** The same, with the result already JSON (an event's is made once for every socket). */
export const resultFrameOf = (prefix: string, resultJson: string) => `${prefix}"result":${resultJson}}`;

/**
 * A tracked subscription item's result, as tRPC's client reads it: the item's id in the result (the
 * client's cursor) and again beside its data. `dataJson` is the data, already JSON.
 */
export function trackedResultJson(id: string, dataJson: string): string {
  const quoted = JSON.stringify(id);
  return `{"type":"data","id":${quoted},"data":{"id":${quoted},"data":${dataJson}}}`;
}
export const errorFrame = (prefix: string, error: unknown) => `${prefix}"error":${JSON.stringify(error)}}`;
export const RECONNECT_FRAME = JSON.stringify({ id: null, method: "reconnect" });
