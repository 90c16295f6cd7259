// Keeps each business phone number under WhatsApp's send throughput (80 messages per second by
// default; Meta raises it per number). Two rules, per number:
// - sends are spaced evenly (1/rate apart) rather than sent in bursts;
// - no more than `rate` sends ever start within one second, by the clock at the moment they
//   start. A busy event loop can fire several spaced timers late and together; this rule holds
//   whatever the timers do.
const WINDOW_MS = 1000;

/**
 * The pace to keep for a configured limit. WhatsApp counts when requests reach it, and a busy
 * process or network can bunch requests that left evenly (measured: 80 evenly started sends
 * arrived as 87 within one second), so we start at most 85% of the limit per second.
 */
export function paceUnder(limitPerSecond: number): number {
  return Math.max(1, Math.floor(limitPerSecond * 0.85));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SendRateLimiter {
  private readonly nextSlot = new Map<string, number>();
  private readonly recentStarts = new Map<string, number[]>();

  constructor(private readonly perSecond: number) {}

  /** Takes the next evenly spaced slot of `phoneNumberId`; returns how long to wait for it, in ms. */
  reserve(phoneNumberId: string, now: number): number {
    const slot = Math.max(now, this.nextSlot.get(phoneNumberId) ?? 0);
    this.nextSlot.set(phoneNumberId, slot + WINDOW_MS / this.perSecond);
    return slot - now;
  }

  /** Starts a send at `now` if the last second has room (returns 0); otherwise how long until it has. */
  tryStart(phoneNumberId: string, now: number): number {
    const starts = this.recentStarts.get(phoneNumberId) ?? [];
    while (starts.length > 0 && now - starts[0]! >= WINDOW_MS) starts.shift();
    this.recentStarts.set(phoneNumberId, starts);
    if (starts.length < this.perSecond) {
      starts.push(now);
      return 0;
    }
    return WINDOW_MS - (now - starts[0]!);
  }

  /** Resolves when a send for `phoneNumberId` may start. */
  async acquire(phoneNumberId: string): Promise<void> {
    const wait = this.reserve(phoneNumberId, Date.now());
    if (wait > 0) await sleep(wait);
    await this.holdWindow(phoneNumberId);
  }

  /** The one-second rule alone, for a send whose evenly spaced slot was taken elsewhere (shared-pace.ts). */
  async holdWindow(phoneNumberId: string): Promise<void> {
    for (let busy = this.tryStart(phoneNumberId, Date.now()); busy > 0; busy = this.tryStart(phoneNumberId, Date.now())) {
      await sleep(busy);
    }
  }
}
