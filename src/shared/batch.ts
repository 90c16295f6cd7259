/**
 * Calls one tRPC batch may carry, over HTTP (`/api/trpc/a,b?batch=1`) and the WebSocket alike:
 * more than the dashboard batches at once, few enough that one request cannot keep the server busy
 * for seconds (200 searches in one GET took 6.6 s). The dashboard's httpBatchLink splits at it.
 */
export const MAX_CALLS_PER_BATCH = 20;
