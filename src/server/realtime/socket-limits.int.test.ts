// What one signed-in user can make the server hold: a bounded number of sockets; and anyone, on
// another path than the live one: no socket at all.
import { connect } from "node:net";
import WebSocket from "ws";
import { afterAll, describe, expect, it } from "vitest";
import { signIn } from "../../../testing/session";
import { testApp } from "../../../testing/test-app";
import { CLOSE_TOO_MANY_SOCKETS, WS_PATH } from "@/shared/realtime";

const LIMIT = 3;
const sockets: WebSocket[] = [];

const app = testApp({ env: { LIVE_MAX_SOCKETS_PER_USER: String(LIMIT) }, signIn: ["agent"] });

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
});

/** Opens a socket; resolves "open", or the close code if the server closed it within a moment. */
function openSocket(withCookie = app.cookie("agent")): Promise<{ socket: WebSocket; outcome: "open" | number }> {
  const socket = new WebSocket(`${app.server.url.replace(/^http/, "ws")}${WS_PATH}`, { headers: { cookie: withCookie } });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.once("close", (code) => resolve({ socket, outcome: code }));
    socket.once("open", () => setTimeout(() => resolve({ socket, outcome: socket.readyState === WebSocket.OPEN ? "open" : -1 }), 300));
  });
}

describe("sockets per user", () => {
  it(`refuses a user's socket past ${LIMIT}, lets another user connect, and has room again once one closes`, async () => {
    const first: Awaited<ReturnType<typeof openSocket>>[] = [];
    for (let n = 0; n < LIMIT; n++) first.push(await openSocket());
    expect(first.map((opened) => opened.outcome)).toEqual(Array(LIMIT).fill("open"));
    expect((await openSocket()).outcome).toBe(CLOSE_TOO_MANY_SOCKETS);

    const admin = await signIn(app.server.url, "admin@example.com", "admin");
    expect((await openSocket(admin)).outcome).toBe("open");

    const closed = new Promise((resolve) => first[0]!.socket.once("close", resolve));
    first[0]!.socket.close();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await openSocket()).outcome).toBe("open");
  });
});

describe("upgrades on other paths", () => {
  it("answers 404 and closes the connection, holding nothing", async () => {
    const { port } = new URL(app.server.url);
    const socket = connect(Number(port), "127.0.0.1");
    // Held open by the server, the answer stays empty and the test says so, not its timeout.
    socket.setTimeout(10_000, () => socket.destroy());
    const answer = await new Promise<string>((resolve, reject) => {
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
      socket.once("close", () => resolve(text));
      socket.once("error", reject);
      socket.write(
        "GET /anything-else HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
          "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
      );
    });
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
  });
});
