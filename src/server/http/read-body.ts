// A body read into memory with a bound, straight from Node's request (the webhook's Pages API route
// gets Node's request, not a web Request).
import type { IncomingMessage } from "node:http";

export class BodyTooLargeError extends Error {}

/** The client went away (or its connection broke) before the whole body arrived. */
export class BodyIncompleteError extends Error {}

/**
 * Reads a request body as bytes, refusing past `limit` bytes without keeping the rest: from then on
 * what still arrives is dropped as it comes, so the caller can answer 413 while the client is
 * still sending (then cut it off after a moment: lingerThenCut in ./body-limits.ts).
 */
export function readBodyWithLimit(request: IncomingMessage, limit: number): Promise<Buffer> {
  // A declared length over the limit never gets here: ws-server.ts refuses it before Next runs.
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
      request.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      chunks.length = 0;
      request.resume(); // drop the rest: no listener for data means no buffering
      reject(new BodyTooLargeError());
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    // A client gone mid-body: nothing more will arrive, so nothing of it is used.
    const onError = (cause?: Error) => {
      stop();
      reject(new BodyIncompleteError("The request ended before its body did", { cause }));
    };
    const onClose = () => onError();
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    request.on("close", onClose);
  });
}
