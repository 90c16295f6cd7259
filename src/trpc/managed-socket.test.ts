import { createWSClient } from "@trpc/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeWebSocket } from "../../testing/fake-websocket";
import { createManagedSocketClass, type ManagedSocket } from "./managed-socket";

const Managed = createManagedSocketClass(FakeWebSocket as unknown as typeof WebSocket, {
  handshakeTimeoutMs: 10_000,
  closeGraceMs: 1_000,
});

/** A socket plus what its other listeners (tRPC's, added after construction) were told, in order. */
function socket() {
  const ws = new Managed("ws://test/api/trpc-ws") as ManagedSocket & FakeWebSocket;
  const heard: string[] = [];
  for (const type of ["open", "error", "close", "message"]) {
    ws.addEventListener(type, (event) => heard.push("code" in event ? `${type} ${String(event.code)}` : type));
  }
  return { ws, heard };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("a socket that ends before it opens", () => {
  it("is reported as an error first when the close came alone, so tRPC's reconnect loop goes on", () => {
    const { ws, heard } = socket();
    ws.netClose(1011);
    expect(heard).toEqual(["error", "close 1011"]);
  });

  it("is passed on as it is when the browser reported the error itself", () => {
    const { ws, heard } = socket();
    ws.netError();
    ws.netClose(1006);
    expect(heard).toEqual(["error", "close 1006"]);
  });

  it("gives up a handshake that takes longer than the timeout", () => {
    const { ws } = socket();
    vi.advanceTimersByTime(9_999);
    expect(ws.closeCalls).toBe(0);
    vi.advanceTimersByTime(1);
    expect(ws.closeCalls).toBe(1);
  });

  it("keeps a handshake that completed in time", () => {
    const { ws, heard } = socket();
    ws.netOpen();
    vi.advanceTimersByTime(60_000);
    expect(ws.closeCalls).toBe(0);
    expect(heard).toEqual(["open"]);
  });
});

describe("closing an open socket", () => {
  it("reports it closed when the peer never answers, and keeps its late events from the listeners", () => {
    const { ws, heard } = socket();
    ws.netOpen();
    ws.close();
    vi.advanceTimersByTime(999);
    expect(heard).toEqual(["open"]);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual(["open", "close 1006"]);
    ws.netMessage('{"id":1}');
    ws.netClose(1000);
    expect(heard).toEqual(["open", "close 1006"]);
  });

  it("passes on the peer's own close when it comes in time, once", () => {
    const { ws, heard } = socket();
    ws.netOpen();
    ws.close();
    ws.netClose(1005);
    vi.advanceTimersByTime(5_000);
    expect(heard).toEqual(["open", "close 1005"]);
  });

  it("leaves a server-initiated close alone", () => {
    const { ws, heard } = socket();
    ws.netOpen();
    ws.netClose(1012);
    vi.advanceTimersByTime(5_000);
    expect(heard).toEqual(["open", "close 1012"]);
  });
});

describe("probe", () => {
  it("sends a PING and keeps the socket when anything comes back", () => {
    const { ws } = socket();
    ws.netOpen();
    ws.probe(5_000);
    expect(ws.sent).toEqual(["PING"]);
    vi.advanceTimersByTime(4_000);
    ws.netMessage("PONG");
    vi.advanceTimersByTime(10_000);
    expect(ws.closeCalls).toBe(0);
  });

  it("drops a socket that stays silent, and reports it closed without waiting for the peer", () => {
    const { ws, heard } = socket();
    ws.netOpen();
    ws.probe(5_000);
    vi.advanceTimersByTime(5_000);
    expect(ws.closeCalls).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(heard).toEqual(["open", "close 1006"]);
  });
});

/** A socket class that keeps every socket tRPC creates, in order. */
function recordedSockets() {
  const sockets: FakeWebSocket[] = [];
  class Recorded extends FakeWebSocket {
    constructor(url: string | URL) {
      super(url);
      sockets.push(this);
    }
  }
  return { sockets, Recorded };
}

describe("under tRPC's client", () => {
  it("keeps reconnecting after an attempt that ended with a close and no error", async () => {
    const { sockets, Recorded } = recordedSockets();
    const client = createWSClient({
      url: "ws://test/api/trpc-ws",
      WebSocket: createManagedSocketClass(Recorded as unknown as typeof WebSocket, { handshakeTimeoutMs: 10_000, closeGraceMs: 1_000 }),
      retryDelayMs: () => 100,
    });
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.netOpen();
    sockets[0]!.netClose(1006);
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(2);
    sockets[1]!.netClose(1011); // tRPC 11.19 on its own waits for an "error" or "open" here for ever
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(3);
    sockets[2]!.netOpen();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.connectionState.get().state).toBe("pending");
    await client.close();
  });

  it("reconnects when a socket that missed its pong is closed and the dead peer never answers the close", async () => {
    const { sockets, Recorded } = recordedSockets();
    const client = createWSClient({
      url: "ws://test/api/trpc-ws",
      WebSocket: createManagedSocketClass(Recorded as unknown as typeof WebSocket, { handshakeTimeoutMs: 10_000, closeGraceMs: 1_000 }),
      retryDelayMs: () => 100,
      keepAlive: { enabled: true, intervalMs: 10_000, pongTimeoutMs: 5_000 },
    });
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]!.netOpen();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(sockets[0]!.sent).toEqual(["PING"]);
    expect(sockets[0]!.closeCalls).toBe(1); // by tRPC; no "close" event comes from the network
    await vi.advanceTimersByTimeAsync(1_000 + 100);
    expect(sockets).toHaveLength(2);
    sockets[1]!.netOpen();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.connectionState.get().state).toBe("pending");
    await client.close();
  });
});
