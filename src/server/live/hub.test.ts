// The fan-out hub against a real SQLite file: every event once and in log order for a subscriber
// that resumes while events keep arriving (however its replay and the live stream interleave, and
// when its held queue overflows), visibility per subscriber, and one encoding per distinct frame.
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDatabase } from "../../../testing/temp-db";
import { waitFor } from "../../../testing/wait";
import type { Access } from "../services/access";
import type { EncodedEvent } from "./encoded-event";

createTempDatabase();
const { bootstrap } = await import("../bootstrap");
const { db } = await import("../db/client");
const { writeWithEvents } = await import("../events/log");
const { createLiveHub } = await import("./hub");
const { bus } = await import("../bus");
const { ZAppEvent } = await import("@/shared/events");

const hubs: ReturnType<typeof createLiveHub>[] = [];
let inboxId: string;
const admin: Access = { userId: "admin-user", inboxIds: "all" };
const outsider: Access = { userId: "outsider", inboxIds: new Set(["another-inbox"]) };

beforeAll(async () => {
  await bootstrap();
  inboxId = (await db().read.inbox.findFirstOrThrow()).id;
});
afterAll(() => hubs.forEach((hub) => hub.stop()));

/** An event that needs no conversation: a read marker in the default inbox. */
async function record(count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await writeWithEvents(async (_tx, recordEvent) => {
      await recordEvent(
        { inboxId, conversationId: null },
        { type: "conversation.read", conversationId: `c-${index}`, userId: "someone", lastReadKey: String(index) },
      );
    });
  }
}

const storedIds = async (after: number) =>
  (await db().read.event.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, select: { id: true } })).map((row) => row.id);

function collector(hub: ReturnType<typeof createLiveHub>, access: Access, lastEventId: string | null) {
  const received: EncodedEvent[] = [];
  const subscription = hub.subscribe(access, lastEventId, { deliver: (event) => received.push(event), end: () => undefined });
  return { received, subscription };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe("the fan-out hub", () => {
  it.each([1, 3, 2_000])("resumes exactly once, in order, while events keep arriving (hold limit %i)", async (holdLimit) => {
    const hub = createLiveHub({ holdLimit });
    hubs.push(hub);
    const start = (await db().read.event.count()) > 0 ? Math.max(...(await storedIds(0))) : 0;
    await record(30);
    const { received, subscription } = collector(hub, admin, String(start));
    await record(30);
    await settle();
    subscription.close();
    const ids = received.map((event) => event.id);
    expect(ids).toEqual(await storedIds(start));
  });

  it("replays from the log when its held queue overflows while it re-reads its access", async () => {
    const hub = createLiveHub({ holdLimit: 3 });
    hubs.push(hub);
    const user = await db().read.user.findFirstOrThrow({ where: { role: "admin" } });
    const { received, subscription } = collector(hub, { userId: user.id, inboxIds: "all" }, null);
    await settle();
    const start = Math.max(0, ...(await storedIds(0)));
    // Stored first, then published at once: the access change holds the subscriber while it
    // re-reads its access, and the 30 events after it arrive meanwhile, ten times the hold limit.
    const rows = await db().transaction(async (tx) => {
      const change = { type: "access.changed" as const, userId: user.id };
      const created = [await tx.event.create({ data: { type: change.type, inboxId: null, conversationId: null, userId: user.id, payload: JSON.stringify(change) } })];
      for (let index = 0; index < 30; index++) {
        const event = { type: "conversation.read" as const, conversationId: `c-${index}`, userId: "someone", lastReadKey: String(index) };
        created.push(await tx.event.create({ data: { type: event.type, inboxId, conversationId: null, userId: null, payload: JSON.stringify(event) } }));
      }
      return created;
    });
    bus().publish(rows.map((row) => ({ ...row, event: ZAppEvent.parse(JSON.parse(row.payload)) })));
    await settle();
    subscription.close();
    expect(received.map((event) => event.id)).toEqual(await storedIds(start));
    expect(received).toHaveLength(31);
  });

  it("parses and encodes a replayed event once for every subscriber that resumes before it", async () => {
    const hub = createLiveHub();
    hubs.push(hub);
    const start = Math.max(0, ...(await storedIds(0)));
    await record(3);
    const live = collector(hub, admin, null);
    const resumed = [collector(hub, admin, String(start)), collector(hub, admin, String(start))];
    await settle();
    await record(1);
    const late = collector(hub, admin, String(start));
    await settle();
    const stored = await storedIds(start);
    for (const { received } of [...resumed, late]) expect(received.map((event) => event.id)).toEqual(stored);
    // The same objects, so the same frames: replays share what one of them (or the live fan-out) made.
    for (const [position, event] of resumed[0]!.received.entries()) {
      expect(resumed[1]!.received[position]).toBe(event);
      expect(late.received[position]).toBe(event);
    }
    expect(late.received.at(-1)).toBe(live.received.at(-1));
    for (const { subscription } of [live, ...resumed, late]) subscription.close();
  });

  it("lets other work run while it fans out to many subscribers, each still getting every event once, in order", async () => {
    const hub = createLiveHub();
    hubs.push(hub);
    // Each delivery costs 20 µs, like a socket write: 2,000 of them hold the thread for 40 ms an event.
    const busy = (micros: number) => {
      for (const until = performance.now() + micros / 1000; performance.now() < until; );
    };
    let delivered = 0;
    const slowSink = (received: number[]) => ({
      deliver: (event: EncodedEvent) => {
        busy(20);
        delivered++;
        received.push(event.id);
      },
      end: () => undefined,
    });
    const watchers = Array.from({ length: 2_000 }, () => {
      const received: number[] = [];
      return { received, subscription: hub.subscribe(admin, null, slowSink(received)) };
    });
    await settle();
    const start = Math.max(0, ...(await storedIds(0)));
    // Turns of the event loop meanwhile: how many deliveries had been made at each, and, once the
    // fan-out is under way, one subscriber leaving and another resuming from before the events.
    const progress: number[] = [];
    const late: number[] = [];
    let lateSubscription: { close(): void } | undefined;
    let ticking = true;
    const tick = () => {
      progress.push(delivered);
      if (delivered > 0 && !lateSubscription) {
        watchers[0]!.subscription.close();
        lateSubscription = hub.subscribe(admin, String(start), slowSink(late));
      }
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await record(2);
    await waitFor(() => late.length === 2 && delivered >= 2 * watchers.length, "every delivery");
    ticking = false;
    const stored = await storedIds(start);
    expect(stored).toHaveLength(2);
    expect(progress.some((count) => count > 0 && count < watchers.length)).toBe(true);
    for (const { received } of watchers.slice(1)) expect(received).toEqual(stored);
    expect(stored.slice(0, watchers[0]!.received.length)).toEqual(watchers[0]!.received);
    expect(late).toEqual(stored);
    lateSubscription?.close();
    for (const { subscription } of watchers) subscription.close();
  });

  it("gives each subscriber only what it may see, and encodes each frame once for all sockets", async () => {
    const hub = createLiveHub();
    hubs.push(hub);
    const first = collector(hub, admin, null);
    const second = collector(hub, admin, null);
    const hidden = collector(hub, outsider, null);
    await settle();
    await record(2);
    await settle();
    expect(first.received.map((event) => event.id)).toEqual(second.received.map((event) => event.id));
    expect(first.received).toHaveLength(2);
    expect(hidden.received).toHaveLength(0);
    const [a, b] = [first.received[0]!, second.received[0]!];
    expect(a).toBe(b);
    expect(a.frame('{"id":1,')).toBe(b.frame('{"id":1,'));
    expect(JSON.parse(a.frame('{"id":7,').toString())).toEqual({
      id: 7,
      result: { type: "data", id: String(a.id), data: { id: String(a.id), data: a.wireEvent() } },
    });
    for (const { subscription } of [first, second, hidden]) subscription.close();
    expect(hub.size()).toBe(0);
  });
});
