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

export const resultFrame = (prefix: string, result: unknown) => `${prefix}"result":${JSON.stringify(result)}}`;
export const errorFrame = (prefix: string, error: unknown) => `${prefix}"error":${JSON.stringify(error)}}`;
export const RECONNECT_FRAME = JSON.stringify({ id: null, method: "reconnect" });
