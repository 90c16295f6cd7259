// A WebSocket client that subscribes and then stops reading, the way a frozen tab or a hostile
// client would: a plain TCP socket doing the handshake by hand, so nothing in a client library
// reads on its behalf. Loopback only.
import { randomBytes } from "node:crypto";
import net from "node:net";

/** A masked client text frame (RFC 6455 §5.2). */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x81, 0x80 | length]) : Buffer.from([0x81, 0x80 | 126, length >> 8, length & 0xff]);
  const masked = Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]!));
  return Buffer.concat([header, mask, masked]);
}

/**
 * `pingEveryMs`: keep writing tRPC's keep-alive "PING" while never reading, like a client whose
 * timer still runs but whose reader is stuck; being alive must not exempt it from the bound.
 */
export async function openStalledSubscription(
  port: number,
  cookie: string,
  lastEventId: string,
  options: { pingEveryMs?: number } = {},
): Promise<net.Socket> {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  socket.write(
    `GET /api/trpc-ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\nCookie: ${cookie}\r\n\r\n`,
  );
  const head = await new Promise<string>((resolve, reject) => {
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (!received.includes("\r\n\r\n")) return;
      socket.off("data", onData);
      resolve(received);
    };
    socket.on("data", onData).once("error", reject);
  });
  if (!head.startsWith("HTTP/1.1 101")) throw new Error(`upgrade refused: ${head.split("\r\n")[0]}`);
  socket.write(textFrame(JSON.stringify({ id: 1, method: "subscription", params: { path: "events.subscribe", input: { lastEventId } } })));
  // From here on nothing is read: the kernel's buffers fill, then the server's.
  socket.pause();
  if (options.pingEveryMs) {
    const pinger = setInterval(() => {
      if (socket.writable) socket.write(textFrame("PING"));
    }, options.pingEveryMs);
    socket.once("close", () => clearInterval(pinger));
  }
  return socket;
}
