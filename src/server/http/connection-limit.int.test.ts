// The bound on connections held at once, on a real server: idle connections past it are closed as
// they arrive, the ones inside it keep working, and once some close the server serves again.
import { connect, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { testApp } from "../../../testing/test-app";

const LIMIT = 16;
const EXTRA = 6;
const METRICS_TOKEN = `test-metrics-token-${Date.now()}`;
const app = testApp({ env: { HTTP_MAX_CONNECTIONS: String(LIMIT), METRICS_TOKEN } });
const held: Socket[] = [];

afterAll(() => held.forEach((socket) => socket.destroy()));

/** A TCP connection that sends nothing: what a slow or idle client makes the server hold. */
function idleConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.on("error", () => {}); // a refused one may be reset; its "close" is what the test reads
    socket.once("error", reject);
    held.push(socket);
  });
}

describe("connections held at once", () => {
  it(`closes connections past ${LIMIT} on arrival and serves again once some are gone`, async () => {
    const port = Number(new URL(app.server.url).port);
    const sockets = await Promise.all(Array.from({ length: LIMIT + EXTRA }, () => idleConnection(port)));
    const closed = new Set<Socket>();
    sockets.forEach((socket) => socket.once("close", () => closed.add(socket)));
    // A refused connection is closed right after it is accepted; an accepted idle one stays open
    // for Node's 60 s header timeout, far longer than this wait.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const open = sockets.filter((socket) => !closed.has(socket));
    expect(closed.size).toBeGreaterThanOrEqual(EXTRA);
    expect(open.length).toBeLessThanOrEqual(LIMIT);
    expect(open.length).toBeGreaterThan(LIMIT - 4); // the bound, not something else, closed them

    // An open one is still served: its request is answered.
    const answer = await new Promise<string>((resolve) => {
      let text = "";
      open[0]!.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("\r\n\r\n")) resolve(text);
      });
      open[0]!.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200/);

    open.forEach((socket) => socket.destroy());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await fetch(`${app.server.url}/api/health`)).status).toBe(200);
    const metrics = await (await fetch(`${app.server.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const dropped = Number(/^switchboard_http_connections_dropped_total (\d+)/m.exec(metrics)?.[1]);
    expect(dropped).toBeGreaterThanOrEqual(EXTRA);
  });
});
