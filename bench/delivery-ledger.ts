// Which subscriber got which benchmark message, and how often: one cell per (message, subscriber)
// pair, so loss and duplicates show. Messages are recognised by a run's prefix and their index.
export interface Delivery {
  index: number;
  /** The first time this subscriber got this message. */
  first: boolean;
}

export class DeliveryLedger {
  private readonly counts: Uint8Array;
  /** Deliveries of a benchmark message, duplicates included. */
  received = 0;
  /** (message, subscriber) pairs delivered at least once. */
  firstSeen = 0;

  constructor(
    private readonly prefix: string,
    private readonly messages: number,
    private readonly subscribers: number,
  ) {
    this.counts = new Uint8Array(messages * subscribers);
  }

  /** Records a message body a subscriber got; null when it is not one of this run's messages. */
  record(subscriber: number, body: string): Delivery | null {
    if (!body.startsWith(this.prefix)) return null;
    const index = Number.parseInt(body.slice(this.prefix.length), 10);
    if (!(index >= 0 && index < this.messages) || subscriber < 0 || subscriber >= this.subscribers) return null;
    this.received++;
    const cell = index * this.subscribers + subscriber;
    const seen = this.counts[cell] ?? 0;
    this.counts[cell] = Math.min(255, seen + 1);
    if (seen === 0) this.firstSeen++;
    return { index, first: seen === 0 };
  }

  /** Pairs never delivered among messages `from` (inclusive) to `to` (exclusive), or those `only` accepts. */
  missing(from: number, to: number, only: (index: number) => boolean = () => true): number {
    let missing = 0;
    for (let index = from; index < to; index++) {
      if (!only(index)) continue;
      for (let subscriber = 0; subscriber < this.subscribers; subscriber++) if (this.counts[index * this.subscribers + subscriber] === 0) missing++;
    }
    return missing;
  }

  duplicates(): number {
    return this.counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  }
}
