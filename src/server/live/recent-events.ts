// The events this process encoded last, by id. A dashboard that resumes replays a stretch of the
// log that the live fan-out, or another resuming dashboard, has just been through; with this it
// gets the same EncodedEvent, so each event is parsed and encoded once per process, not once per
// resuming socket (after a restart or a network blip, hundreds replay the same minutes at once).
// A stored event never changes, so an id names one event for good; which events a subscriber gets
// is still decided by its read of the log and its access.
import type { BusEvent } from "../bus";
import { EncodedEvent } from "./encoded-event";

export class RecentEvents {
  private readonly byId = new Map<number, EncodedEvent>();

  constructor(private readonly limit: number) {}

  get(id: number): EncodedEvent | undefined {
    return this.byId.get(id);
  }

  /** The one EncodedEvent this process uses for `event`'s id, made now if it has none. */
  encoded(event: BusEvent): EncodedEvent {
    const known = this.byId.get(event.id);
    if (known) return known;
    const encoded = new EncodedEvent(event);
    this.byId.set(event.id, encoded);
    // Ids arrive (nearly) in order, so the first inserted is the oldest.
    if (this.byId.size > this.limit) this.byId.delete(this.byId.keys().next().value as number);
    return encoded;
  }
}
