// Which local subscribers an event may concern, found by set lookups instead of a scan: admins,
// the members of the event's inbox, or everyone for an event to the whole team (the hub finds the
// one user an event is addressed to itself). It only narrows the candidates; the decision stays
// with `canSeeEvent` in services/access.ts.
import type { BusEvent } from "../bus";
import type { Access } from "../services/access";

export interface Indexed {
  access: Access;
}

export class SubscriberIndex<T extends Indexed> {
  private readonly everyone = new Set<T>();
  private readonly admins = new Set<T>();
  private readonly byInbox = new Map<string, Set<T>>();

  add(item: T): void {
    this.everyone.add(item);
    const { inboxIds } = item.access;
    if (inboxIds === "all") {
      this.admins.add(item);
      return;
    }
    for (const inboxId of inboxIds) {
      const members = this.byInbox.get(inboxId) ?? new Set<T>();
      this.byInbox.set(inboxId, members.add(item));
    }
  }

  delete(item: T): void {
    this.everyone.delete(item);
    this.admins.delete(item);
    const { inboxIds } = item.access;
    if (inboxIds === "all") return;
    for (const inboxId of inboxIds) {
      const members = this.byInbox.get(inboxId);
      if (!members) continue;
      members.delete(item);
      if (members.size === 0) this.byInbox.delete(inboxId);
    }
  }

  /** Calls `visit` once for each indexed item that may see an event about no one user. */
  forEachCandidate(event: Pick<BusEvent, "inboxId" | "team">, visit: (item: T) => void): void {
    if (event.team) {
      for (const item of this.everyone) visit(item);
      return;
    }
    for (const item of this.admins) visit(item);
    if (event.inboxId === null) return;
    const members = this.byInbox.get(event.inboxId);
    if (members) for (const item of members) visit(item);
  }
}
