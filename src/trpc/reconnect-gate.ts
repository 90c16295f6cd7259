// When the tab's WebSocket may try to connect again. tRPC's own wait between attempts is a sleep
// that nothing can cut short, so a laptop that wakes up or a network that comes back would sit
// out the rest of a backoff of up to 10 s. Instead tRPC is given no delay of its own and the wait
// happens here, in the `url` callback it calls before every attempt, where `wake()` can shorten it.
//
// The waits keep their jitter (DESIGN.md, "Known traps"): after a server restart, or when an
// office's network comes back, every tab is spread over a window instead of arriving at once.
import { backoffDelayMs } from "@/shared/backoff";

/** After the browser says it is back online, or the tab is shown again: the next attempt's window. */
export const WAKE_JITTER_MS = 1_000;

/** Equal jitter over an exponential ceiling: 0.25–0.5 s, 0.5–1 s, 1–2 s … up to 5–10 s. */
export function retryDelayMs(attemptIndex: number, random: () => number = Math.random): number {
  return backoffDelayMs(attemptIndex + 1, 500, 10_000, random);
}

export interface GateClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: GateClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Wait {
  promise: Promise<void>;
  resolve: () => void;
  due: number;
  handle: unknown;
}

export class ReconnectGate {
  #first = true;
  /** Attempts since the last socket opened. */
  #attempts = 0;
  #woken = false;
  #wait: Wait | null = null;

  constructor(
    private readonly random: () => number = Math.random,
    private readonly clock: GateClock = realClock,
  ) {}

  /** Resolves when the next connection attempt may start: at once for the page's first. */
  turn(): Promise<void> {
    if (this.#wait) return this.#wait.promise;
    let delay = 0;
    if (this.#first) this.#first = false;
    else {
      delay = this.#woken ? this.#wakeDelay() : retryDelayMs(this.#attempts, this.random);
      this.#woken = false;
      this.#attempts++;
    }
    if (delay <= 0) return Promise.resolve();

    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    const wait: Wait = { promise, resolve, due: this.clock.now() + delay, handle: null };
    this.#wait = wait;
    this.#schedule(wait, delay);
    return promise;
  }

  /** A socket opened: the next drop starts the backoff over. */
  opened(): void {
    this.#attempts = 0;
    this.#woken = false;
  }

  /** Back online or shown again: the pending (or next) attempt starts within WAKE_JITTER_MS. */
  wake(): void {
    this.#attempts = 0;
    const wait = this.#wait;
    if (!wait) {
      this.#woken = true;
      return;
    }
    const delay = this.#wakeDelay();
    if (this.clock.now() + delay >= wait.due) return;
    this.clock.clearTimeout(wait.handle);
    wait.due = this.clock.now() + delay;
    this.#schedule(wait, delay);
  }

  #wakeDelay(): number {
    return Math.round(this.random() * WAKE_JITTER_MS);
  }

  #schedule(wait: Wait, delay: number): void {
    wait.handle = this.clock.setTimeout(() => {
      if (this.#wait === wait) this.#wait = null;
      wait.resolve();
    }, delay);
  }
}
