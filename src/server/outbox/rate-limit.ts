// Keeps each business phone number under WhatsApp's send throughput (80 messages per second by
// default; Meta raises it per number). Sends are spaced evenly rather than in bursts: the limit is
// enforced per second, and an even pace never crosses it.
export class SendRateLimiter {
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly perSecond: number) {}

  /** Takes the next send slot of `phoneNumberId`; returns how long to wait for it, in ms. */
  reserve(phoneNumberId: string, now: number): number {
    const slot = Math.max(now, this.nextSlot.get(phoneNumberId) ?? 0);
    this.nextSlot.set(phoneNumberId, slot + 1000 / this.perSecond);
    return slot - now;
  }

  /** Resolves when a send for `phoneNumberId` may start. */
  async acquire(phoneNumberId: string): Promise<void> {
    const wait = this.reserve(phoneNumberId, Date.now());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
