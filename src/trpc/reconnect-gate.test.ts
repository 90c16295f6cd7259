import { describe, expect, it } from "vitest";
import { ReconnectGate, retryDelayMs, WAKE_JITTER_MS, type GateClock } from "./reconnect-gate";

/** A clock that only moves when told to, firing due timers in order. */
function manualClock() {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: GateClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(++nextId, { at: now + ms, run });
      return nextId;
    },
    clearTimeout: (handle) => timers.delete(handle as number),
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
      await Promise.resolve();
    }
    now = until;
    await Promise.resolve();
  };
  return { clock, advance, pending: () => timers.size };
}

/** Resolves to how long (in clock time) `turn()` made the caller wait, stepping 1 ms at a time. */
async function waited(gate: ReconnectGate, advance: (ms: number) => Promise<void>, limit = 20_000): Promise<number> {
  let done = false;
  void gate.turn().then(() => (done = true));
  await Promise.resolve();
  for (let elapsed = 0; elapsed <= limit; elapsed++) {
    if (done) return elapsed;
    await advance(1);
  }
  throw new Error("turn() did not resolve");
}

describe("retryDelayMs", () => {
  it("keeps at least half of an exponential ceiling that stops at 10 s", () => {
    expect([0, 1, 2, 3, 4, 5, 12].map((attempt) => retryDelayMs(attempt, () => 0))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
    expect([0, 1, 2, 3, 4, 5, 12].map((attempt) => retryDelayMs(attempt, () => 1))).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it("spreads clients over the window (jitter)", () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
  });
});

describe("ReconnectGate", () => {
  it("lets the page's first connection go at once, then backs off further with each failed attempt", async () => {
    const { clock, advance } = manualClock();
    const gate = new ReconnectGate(() => 1, clock);
    expect(await waited(gate, advance)).toBe(0);
    const waits = [];
    for (let attempt = 0; attempt < 7; attempt++) waits.push(await waited(gate, advance));
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it("starts the backoff over once a socket has opened, keeping the jitter for a dropped connection", async () => {
    const { clock, advance } = manualClock();
    const gate = new ReconnectGate(() => 0, clock);
    await waited(gate, advance);
    for (let attempt = 0; attempt < 5; attempt++) await waited(gate, advance);
    gate.opened();
    expect(await waited(gate, advance)).toBe(250);
  });

  it("cuts a long wait short when woken, to a jittered moment within a second", async () => {
    const { clock, advance } = manualClock();
    const random = { value: 1 };
    const gate = new ReconnectGate(() => random.value, clock);
    await waited(gate, advance);
    for (let attempt = 0; attempt < 5; attempt++) await waited(gate, advance);

    let done = false;
    void gate.turn().then(() => (done = true)); // 10 s
    await advance(3_000);
    random.value = 0.4;
    gate.wake();
    await advance(0.4 * WAKE_JITTER_MS - 1);
    expect(done).toBe(false);
    await advance(1);
    expect(done).toBe(true);
  });

  it("never makes a wait longer when woken", async () => {
    const { clock, advance } = manualClock();
    const random = { value: 0 };
    const gate = new ReconnectGate(() => random.value, clock);
    await waited(gate, advance);
    let done = false;
    void gate.turn().then(() => (done = true)); // 250 ms
    random.value = 1;
    gate.wake(); // would be 1 s
    await advance(250);
    expect(done).toBe(true);
  });

  it("after a wake, starts the backoff over and makes the next attempt quick even if none was waiting", async () => {
    const { clock, advance } = manualClock();
    const random = { value: 1 };
    const gate = new ReconnectGate(() => random.value, clock);
    await waited(gate, advance);
    for (let attempt = 0; attempt < 6; attempt++) await waited(gate, advance);
    random.value = 0.1;
    gate.wake(); // e.g. while a handshake is under way
    expect(await waited(gate, advance)).toBe(100);
    random.value = 1;
    expect(await waited(gate, advance)).toBe(1000); // attempt index 1 again, not 10 s
  });

  it("hands out one wait to callers that ask at the same time", async () => {
    const { clock, advance, pending } = manualClock();
    const gate = new ReconnectGate(() => 1, clock);
    await waited(gate, advance);
    const first = gate.turn();
    const second = gate.turn();
    expect(second).toBe(first);
    expect(pending()).toBe(1);
    await advance(500);
    await expect(first).resolves.toBeUndefined();
  });
});
