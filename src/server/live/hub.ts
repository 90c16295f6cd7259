// The local fan-out: the one consumer of the bus in this process. Each event is encoded once and
// handed to the local subscribers who may see it (a set lookup and a write of shared bytes each);
// subscribers replaying the log get the same encoding of recent events (./recent-events.ts).
//
// A subscriber is "held" while it replays the log after its cursor or re-reads its access: live
// events wait in its own bounded queue, in order, and are drained once it is done, skipping what
// the replay already sent — so nothing is lost between the replay and the live stream and nothing
// is sent twice. A held queue that overflows is dropped and the subscriber replays from the log
// instead (every published event is already stored).
import type { BusEvent } from "../bus";
import { listenToCommittedEvents } from "./committed-feed";
import { logger } from "../logger";
import { startFanoutTimer } from "../metrics";
import { canSeeEvent, reloadAccess, type Access } from "../services/access";
import { EncodedEvent } from "./encoded-event";
import { RecentEvents } from "./recent-events";
import { latestEventId, parseCursor, readEventsAfter, REPLAY_BATCH } from "./replay";
import { SubscriberIndex } from "./subscriber-index";
import { runInSlices, type SliceOptions } from "./time-slices";

export type LiveEnd = { kind: "deactivated" } | { kind: "failed"; error: unknown };

export interface LiveSink {
  /**
   * `more`: another event follows in this same turn (a flush of several, a replayed batch), so a
   * socket may hold its frames and write them together; false when this is the turn's last.
   */
  deliver(event: EncodedEvent, more: boolean): void;
  /** The stream ended by itself (not by `close()`): the user lost access, or a read failed. */
  end(reason: LiveEnd): void;
}

export interface LiveSubscription {
  close(): void;
}

/** Live events held for one subscriber while it replays or re-reads its access. */
const DEFAULT_HOLD_LIMIT = 2_000;
/** The longest a fan-out holds the event loop before it may pause for other work. */
const SLICE_MS = 5;
/** Offers between looks at the clock: each is microseconds, so the slice ends within a fraction of one. */
const OFFERS_PER_PAUSE_CHECK = 32;
/** Encoded events kept for replays (./recent-events.ts): a few replay batches, a few MB. */
const RECENT_EVENTS = 4 * REPLAY_BATCH;

interface Subscriber {
  access: Access;
  readonly userId: string;
  readonly sink: LiveSink;
  cursor: number;
  held: EncodedEvent[] | null;
  replayNeeded: boolean;
  closed: boolean;
}

const streamReset = (userId: string, id: number): BusEvent => ({ id, inboxId: null, conversationId: null, userId, team: false, event: { type: "stream.reset" } });

const changesAccessOf = (subscriber: Subscriber, event: BusEvent) =>
  event.event.type === "access.changed" && event.userId === subscriber.userId;

export function createLiveHub({ holdLimit = DEFAULT_HOLD_LIMIT } = {}) {
  const index = new SubscriberIndex<Subscriber>();
  const byUser = new Map<string, Set<Subscriber>>();
  const holding = new Set<Subscriber>();
  const accessListeners = new Set<(userId: string) => void>();
  const recent = new RecentEvents(RECENT_EVENTS);
  const waiting: { events: readonly BusEvent[]; fanoutDone: () => void }[] = [];
  let flushing = false;
  /**
   * The newest event known here: every event up to it is in the log, and (with a complete bus)
   * every later one will still be dispatched through this hub. Read from the log once, then kept
   * by dispatch.
   */
  let lastSeenId = 0;
  let logRead: Promise<number> | null = null;
  const knownLatest = async () => {
    logRead ??= latestEventId().then(
      (id) => (lastSeenId = Math.max(lastSeenId, id)),
      (error: unknown) => {
        logRead = null; // the next subscriber tries again
        throw error;
      },
    );
    await logRead;
    return lastSeenId;
  };

  function offer(subscriber: Subscriber, encoded: EncodedEvent, more: boolean): void {
    if (subscriber.held) {
      if (subscriber.held.length < holdLimit) subscriber.held.push(encoded);
      else {
        subscriber.held = [];
        subscriber.replayNeeded = true;
      }
      return;
    }
    if (encoded.id <= subscriber.cursor) return;
    subscriber.cursor = encoded.id;
    if (canSeeEvent(subscriber.access, encoded.bus)) subscriber.sink.deliver(encoded, more);
  }

  function hold(subscriber: Subscriber): void {
    index.delete(subscriber);
    subscriber.held = [];
    holding.add(subscriber);
  }

  function finish(subscriber: Subscriber, reason: LiveEnd | null): void {
    if (subscriber.closed) return;
    subscriber.closed = true;
    holding.delete(subscriber);
    if (!subscriber.held) index.delete(subscriber);
    const mine = byUser.get(subscriber.userId);
    mine?.delete(subscriber);
    if (mine?.size === 0) byUser.delete(subscriber.userId);
    if (reason) subscriber.sink.end(reason);
  }

  async function reload(subscriber: Subscriber): Promise<boolean> {
    const access = await reloadAccess(subscriber.userId);
    if (subscriber.closed) return false;
    if (!access) finish(subscriber, { kind: "deactivated" });
    else subscriber.access = access;
    return access !== null;
  }

  /** Sends what the log holds after the cursor; false when the subscriber ended meanwhile. */
  async function replay(subscriber: Subscriber): Promise<boolean> {
    for (;;) {
      const batch = await readEventsAfter(subscriber.cursor, (scope) => canSeeEvent(subscriber.access, scope), (id) => recent.get(id)?.bus);
      if (subscriber.closed) return false;
      let accessChanged = false;
      for (const [index, event] of batch.events.entries()) {
        subscriber.cursor = event.id;
        if (changesAccessOf(subscriber, event)) {
          if (!(await reload(subscriber))) return false;
          accessChanged = true;
        }
        subscriber.sink.deliver(recent.encoded(event), index < batch.events.length - 1);
        // Rows after a change of access were filtered with the old one: read them again.
        if (accessChanged) break;
      }
      if (accessChanged) continue;
      subscriber.cursor = Math.max(subscriber.cursor, batch.lastId);
      if (!batch.more) return true;
    }
  }

  /** Works through a held subscriber's replay and queue, then makes it live again. */
  async function release(subscriber: Subscriber): Promise<void> {
    try {
      for (;;) {
        if (subscriber.closed) return;
        if (subscriber.replayNeeded) {
          subscriber.replayNeeded = false;
          if (!(await replay(subscriber))) return;
          continue;
        }
        const next = subscriber.held?.shift();
        if (!next) break;
        if (next.id <= subscriber.cursor) continue;
        subscriber.cursor = next.id;
        if (changesAccessOf(subscriber, next.bus) && !(await reload(subscriber))) return;
        if (canSeeEvent(subscriber.access, next.bus)) subscriber.sink.deliver(next, (subscriber.held?.length ?? 0) > 0);
      }
      // Synchronous from the empty queue to the index: no event can fall between the two.
      subscriber.held = null;
      holding.delete(subscriber);
      index.add(subscriber);
    } catch (error) {
      finish(subscriber, { kind: "failed", error });
    }
  }

  /** Offers one event to every subscriber that may be concerned, yielding where it may pause. */
  function* dispatch(event: BusEvent, more: boolean): Generator<void, void, undefined> {
    lastSeenId = Math.max(lastSeenId, event.id);
    const encoded = recent.encoded(event);
    const released: Subscriber[] = [];
    if (event.event.type === "access.changed" && event.userId) {
      for (const subscriber of byUser.get(event.userId) ?? []) {
        if (subscriber.held) continue;
        hold(subscriber);
        released.push(subscriber);
      }
    }
    for (const subscriber of holding) offer(subscriber, encoded, more);
    // A subscriber released from holding during a pause may come up here too: its cursor, already
    // past this event, turns the repeat away in offer().
    const candidates = event.userId !== null ? (byUser.get(event.userId) ?? []) : index.candidates(event);
    let offered = 0;
    for (const subscriber of candidates) {
      if (subscriber.held) continue;
      offer(subscriber, encoded, more);
      if (++offered % OFFERS_PER_PAUSE_CHECK === 0) yield;
    }
    for (const subscriber of released) void release(subscriber);
    if (event.event.type === "access.changed") for (const listener of accessListeners) listener(event.event.userId);
  }

  /** Every waiting batch, in log order; batches committed meanwhile join the end. */
  function* flush(): Generator<void, void, undefined> {
    for (let batch = waiting.shift(); batch; batch = waiting.shift()) {
      for (const [position, event] of batch.events.entries()) {
        try {
          yield* dispatch(event, position < batch.events.length - 1 || waiting.length > 0);
        } catch (error) {
          logger.error("live fan-out failed for an event", { id: event.id, error: String(error) });
        }
      }
      // Metrics (issue 10): from the batch's arrival to its frames being written. Observed in a
      // microtask, so after cork.ts's uncork (queued during this slice) too.
      queueMicrotask(batch.fanoutDone);
    }
  }

  // Fan-out starts in the next turn of the event loop, after the publisher's request has been
  // answered: a webhook's answer (and a reply's) is a few hundred bytes, a fan-out to 10,000
  // sockets is 10,000 writes, and WhatsApp should not wait for those (at 10,000 subscribers the
  // answer took 170 ms, now 7). Events of commits that land in the same turn fan out together.
  // It runs in slices (./time-slices.ts), pausing so that other requests are served, but only
  // while no more than one batch waits: when commits come faster than they fan out, it keeps the
  // thread, which slows the intake instead of queueing without bound. Order and visibility do not
  // depend on when this runs: one flush at a time dispatches the events in log order.
  const slices: SliceOptions = { sliceMs: SLICE_MS, mayPause: () => waiting.length <= 1 };
  const stopListening = listenToCommittedEvents((events) => {
    waiting.push({ events, fanoutDone: startFanoutTimer() });
    if (flushing) return;
    flushing = true;
    runInSlices(flush(), slices, () => (flushing = false));
  });

  return {
    /**
     * Every event the user may see after `lastEventId` (or from now, when null), in log order,
     * each once, until closed or the user is deactivated. Visibility is decided per event with the
     * user's access as it is at that point of the log.
     */
    subscribe(access: Access, lastEventId: string | null | undefined, sink: LiveSink): LiveSubscription {
      const subscriber: Subscriber = { access, userId: access.userId, sink, cursor: 0, held: [], replayNeeded: false, closed: false };
      holding.add(subscriber);
      const mine = byUser.get(subscriber.userId) ?? new Set<Subscriber>();
      byUser.set(subscriber.userId, mine.add(subscriber));
      const cursor = parseCursor(lastEventId);
      void (async () => {
        const known = await knownLatest();
        let logEnd = known;
        // "From now": what this hub knows is never ahead of the log, so nothing after it is
        // skipped; at worst a few events are sent again, which applying them tolerates.
        if (cursor === null) subscriber.cursor = known;
        else if (cursor > known && cursor > (logEnd = await latestEventId())) {
          // Ahead of the whole log, so not from this log: nothing after it can be trusted to be
          // missing or not. The client reloads and goes on from where the log ends.
          subscriber.cursor = logEnd;
          if (!subscriber.closed) subscriber.sink.deliver(new EncodedEvent(streamReset(subscriber.userId, logEnd)), false);
        } else {
          subscriber.cursor = cursor;
          // A client resuming at the newest event known here has missed nothing: every committed
          // event after it is still to come through the hub (./committed-feed.ts).
          subscriber.replayNeeded = cursor < known;
        }
        await release(subscriber);
      })().catch((error: unknown) => finish(subscriber, { kind: "failed", error }));
      return { close: () => finish(subscriber, null) };
    },

    /** Called with the user's id for every `access.changed` event, after the streams were told. */
    onAccessChanged(listener: (userId: string) => void): () => void {
      accessListeners.add(listener);
      return () => accessListeners.delete(listener);
    },

    size: () => [...byUser.values()].reduce((sum, mine) => sum + mine.size, 0),

    stop(): void {
      stopListening();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;

const globalForHub = globalThis as typeof globalThis & { __switchboardLiveHub?: LiveHub };

/** The process's hub, on globalThis like the bus (Next's route handlers are another module graph). */
export function liveHub(): LiveHub {
  globalForHub.__switchboardLiveHub ??= createLiveHub();
  return globalForHub.__switchboardLiveHub;
}
