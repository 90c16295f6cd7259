// Sends a large request body without holding it in memory: the same 1 MiB chunk written again and
// again, with a declared Content-Length (the default) or chunked. It stops writing as soon as the
// server answers or closes, which is the point of the tests that use it.
import http from "node:http";

export interface LargeBodyOptions {
  bytes: number;
  headers?: Record<string, string>;
  /** Send without a Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

export interface LargeBodyOutcome {
  /** The server's status, or null when it cut the connection without one. */
  status: number | null;
  body: string;
  /** Bytes this side managed to hand to the socket before the answer or the cut. */
  written: number;
}

const CHUNK = Buffer.alloc(1024 * 1024, "a");

export function postLargeBody(url: string, options: LargeBodyOptions): Promise<LargeBodyOutcome> {
  const headers: Record<string, string> = { "content-type": "application/octet-stream", ...options.headers };
  if (!options.chunked) headers["content-length"] = String(options.bytes);
  return new Promise((resolve) => {
    let written = 0;
    let answered = false;
    const request = http.request(url, { method: "POST", headers }, (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      const done = () => resolve({ status: response.statusCode ?? null, body, written });
      response.on("end", done);
      // The server closes the connection after an early answer; what arrived still counts.
      response.on("close", done);
      response.on("error", done);
    });
    // A server that answers early closes the connection: writing on then fails (EPIPE, ECONNRESET).
    request.on("error", () => {
      if (!answered) resolve({ status: null, body: "", written });
    });
    const writeMore = () => {
      while (!answered && !request.destroyed && written < options.bytes) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, options.bytes - written));
        written += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", writeMore);
      }
      if (written >= options.bytes || answered) request.end();
    };
    writeMore();
  });
}
