// An event encoded once for every local subscriber. A tRPC WebSocket data frame differs between
// sockets only in the subscription id the client chose (and whether it sent "jsonrpc"), so the
// frame is built once per distinct prefix and the same bytes are written to every socket that
// shares it — not serialised once per socket as tRPC's own adapter does.
// The event itself travels compacted (@/shared/event-wire.ts): what the dashboard rebuilds is left out.
import type { BusEvent } from "../bus";
import { compactEvent, type TTrackedWireEvent, type TWireEvent } from "@/shared/event-wire";
import { resultFrameOf, trackedResultJson } from "../realtime/wire/protocol";

export class EncodedEvent {
  private wire: TWireEvent | null = null;
  private json: string | null = null;
  private readonly frames = new Map<string, Buffer>();

  constructor(readonly bus: BusEvent) {}

  get id(): number {
    return this.bus.id;
  }

  /** The event as a subscriber receives it: the stored event, compacted. Made once. */
  wireEvent(): TWireEvent {
    this.wire ??= compactEvent(this.bus.event);
    return this.wire;
  }

  /** The event with its cursor, as a tracked subscription item. */
  tracked(): TTrackedWireEvent {
    return { id: String(this.bus.id), data: this.wireEvent() };
  }

  /** The JSON of `wireEvent()`, made once. */
  payload(): string {
    this.json ??= JSON.stringify(this.wireEvent());
    return this.json;
  }

  /**
   * The whole frame of a tracked subscription result, as tRPC's client reads it:
   * `{"id":<sub>,"result":{"type":"data","id":"<event>","data":{"id":"<event>","data":<event>}}}`.
   * `prefix` is the frame's opening up to and including the comma after the subscription id.
   */
  frame(prefix: string): Buffer {
    let frame = this.frames.get(prefix);
    if (!frame) {
      frame = Buffer.from(resultFrameOf(prefix, trackedResultJson(String(this.bus.id), this.payload())));
      this.frames.set(prefix, frame);
    }
    return frame;
  }
}
