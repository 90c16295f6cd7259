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

  /**
   * Each indexed item that may see an event about no one user. The sets are read live: an item
   * removed while the caller is paused between items is not visited, one added may be (again, if it
   * was removed and added back), so the caller must tolerate a repeat.
   */
  *candidates(event: Pick<BusEvent, "inboxId" | "team">): Generator<T, void, undefined> {
    if (event.team) {
      yield* this.everyone;
      return;
    }
    yield* this.admins;
    if (event.inboxId === null) return;
    const members = this.byInbox.get(event.inboxId);
    if (members) yield* members;
  }
}
