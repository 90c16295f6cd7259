// The auto-assigner of one process: runs a pass (./assign-waiting.ts) whenever something may have
// made an assignment possible — a conversation arrived, was reopened, resolved or let go of (its
// event, from any process, through the committed log), someone came online (presence, which every
// process learns through the bus), a membership or a capacity changed — and every few seconds in
// case a pass failed. Passes in one process run one at a time; a wake during a pass runs one more
// after it. Every server process (and worker) runs one: the database decides, not this.
import { listenToCommittedEvents } from "../live/committed-feed";
import { logger } from "../logger";
import { presenceTracker } from "../realtime/presence";
import type { BusEvent } from "../bus";
import { assignWaiting } from "./assign-waiting";

const SWEEP_MS = 5_000;

/** Events after which someone may have become free, or a conversation may be waiting. */
const RELEVANT = new Set(["message.created", "conversation.updated", "access.changed"]);

export interface AutoAssigner {
  /** Asks for a pass soon (coalesced with any already asked for). */
  wake(): void;
  stop(): Promise<void>;
}

export function startAutoAssigner(): AutoAssigner {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function runPasses(): Promise<void> {
    do {
      again = false;
      const online = presenceTracker()
        .online()
        .map((user) => user.id);
      const result = await assignWaiting(online);
      if (result.more) again = true;
    } while (again && !stopped);
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runPasses()
      .catch((error: unknown) => logger.warn("auto-assignment pass failed; the next wake retries", { error: String(error) }))
      .finally(() => {
        running = null;
      });
  }

  const stopEvents = listenToCommittedEvents((events: readonly BusEvent[]) => {
    if (events.some((event) => RELEVANT.has(event.event.type))) wake();
  });
  const stopPresence = presenceTracker().onChange(() => wake());
  const sweep = setInterval(wake, SWEEP_MS);
  sweep.unref();
  wake();

  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(sweep);
      stopEvents();
      stopPresence();
      await running;
    },
  };
}

const globalForAssigner = globalThis as typeof globalThis & { __switchboardAutoAssigner?: AutoAssigner };

/** Started with the background services; on globalThis so Next's route handlers reach it too. */
export function runAutoAssigner(): AutoAssigner {
  globalForAssigner.__switchboardAutoAssigner ??= startAutoAssigner();
  return globalForAssigner.__switchboardAutoAssigner;
}

export async function stopAutoAssigner(): Promise<void> {
  const current = globalForAssigner.__switchboardAutoAssigner;
  globalForAssigner.__switchboardAutoAssigner = undefined;
  await current?.stop();
}

/** After a change the log has no event for (a capacity raised): a pass in this process, if it runs one. */
export function wakeAutoAssigner(): void {
  globalForAssigner.__switchboardAutoAssigner?.wake();
}
