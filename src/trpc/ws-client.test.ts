import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeWebSocket } from "../../testing/fake-websocket";
import { createManagedSocketClass, type ManagedSocket } from "./managed-socket";
import type { ReconnectGate } from "./reconnect-gate";
import { wakeUp } from "./ws-client";

const Managed = createManagedSocketClass(FakeWebSocket as unknown as typeof WebSocket, {
  handshakeTimeoutMs: 10_000,
  closeGraceMs: 1_000,
});

function socket() {
  return new Managed("ws://test/api/trpc-ws") as ManagedSocket & FakeWebSocket;
}

function gate() {
  const woken = { count: 0 };
  const gate: Pick<ReconnectGate, "wake"> = { wake: () => void woken.count++ };
  return { woken, gate };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("wakeUp (back online, or the tab shown again)", () => {
  it("asks an open socket for a pong instead of reconnecting", () => {
    const ws = socket();
    ws.netOpen();
    const { woken, gate: g } = gate();
    wakeUp(ws, g, performance.now());
    expect(ws.sent).toEqual(["PING"]);
    expect(woken.count).toBe(0);
  });

  it("cuts the wait short when no socket is open", () => {
    const ws = socket();
    ws.netError();
    ws.netClose(1006);
    const { woken, gate: g } = gate();
    wakeUp(ws, g, performance.now());
    wakeUp(null, g, performance.now());
    expect(woken.count).toBe(2);
  });

  it("abandons a handshake that has hung since before, but not one just begun", () => {
    const ws = socket();
    const { woken, gate: g } = gate();
    wakeUp(ws, g, ws.createdAt + 500);
    expect(ws.closeCalls).toBe(0);
    wakeUp(ws, g, ws.createdAt + 3_000);
    expect(ws.closeCalls).toBe(1);
    expect(woken.count).toBe(2);
  });
});
