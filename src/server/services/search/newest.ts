// Picks each conversation's newest matching message from hits read newest-stored first, and says
// when reading further can no longer change the first `limit` conversations. A common word matches
// tens of thousands of messages; looking each one up to find its send time made a search slower
// than a LIKE over every body. Read in storage order instead, the search stops after a few hundred.
//
// Why stopping is safe: the index stores messages as they arrive, so every hit not read yet arrived
// no later than the oldest hit read so far, and a message is sent before it arrives. Once the
// `limit`-th conversation's newest hit was sent after that arrival, no unread hit can overtake it.
// SKEW_SECONDS covers WhatsApp's clock running ahead of ours, and two webhooks' arrival times
// being taken in one order and committed in the other.
import { parseSortKey } from "../../messages/sort-key";

const SKEW_SECONDS = 15 * 60;

export interface Hit {
  conversationId: string;
  messageId: string;
  sortKey: string;
  /** The hit's row in the full-text index: its storage order. */
  searchRow: number;
}

export class NewestPerConversation {
  private readonly newest = new Map<string, Hit>();
  private oldestArrivalSecond = Number.POSITIVE_INFINITY;

  constructor(
    private readonly limit: number,
    private readonly exclude: ReadonlySet<string>,
  ) {}

  add(hit: Hit): void {
    const arrival = parseSortKey(hit.sortKey)?.arrivalSecond ?? Number.NEGATIVE_INFINITY;
    this.oldestArrivalSecond = Math.min(this.oldestArrivalSecond, arrival);
    if (this.exclude.has(hit.conversationId)) return;
    const current = this.newest.get(hit.conversationId);
    if (!current || hit.sortKey > current.sortKey) this.newest.set(hit.conversationId, hit);
  }

  /** The first `limit` conversations by their newest hit, newest first. */
  top(): Hit[] {
    return [...this.newest.values()].sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0)).slice(0, this.limit);
  }

  /** True when no hit stored before those added can enter or reorder `top()`. */
  isSettled(): boolean {
    if (this.limit <= 0) return true;
    const last = this.top()[this.limit - 1];
    if (!last) return false;
    const sent = parseSortKey(last.sortKey)?.sentSecond ?? Number.NEGATIVE_INFINITY;
    return sent > this.oldestArrivalSecond + SKEW_SECONDS;
  }
}
