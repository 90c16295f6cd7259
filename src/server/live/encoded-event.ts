// An event encoded once for every local subscriber. A tRPC WebSocket data frame differs between
// sockets only in the subscription id the client chose (and whether it sent "jsonrpc"), so the
// frame is built once per distinct prefix and the same bytes are written to every socket that
// shares it — not serialised once per socket as tRPC's own adapter does.
// The event itself travels compacted (@/shared/event-wire.ts): what the dashboard rebuilds is left out.
import type { BusEvent } from "../bus";
import { compactEvent, type TLoggedWireEvent } from "@/shared/event-wire";

export class EncodedEvent {
  private wire: TLoggedWireEvent | null = null;
  private json: string | null = null;
  private readonly frames = new Map<string, Buffer>();

  constructor(readonly bus: BusEvent) {}

  get id(): number {
    return this.bus.id;
  }

  /** The event as a subscriber receives it: the stored event, compacted, with its cursor. Made once. */
  logged(): TLoggedWireEvent {
    this.wire ??= { ...compactEvent(this.bus.event), id: String(this.bus.id) };
    return this.wire;
  }

  /** The JSON of `logged()`, made once. */
  payload(): string {
    this.json ??= JSON.stringify(this.logged());
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
      const id = String(this.bus.id);
      frame = Buffer.from(`${prefix}"result":{"type":"data","id":"${id}","data":{"id":"${id}","data":${this.payload()}}}}`);
      this.frames.set(prefix, frame);
    }
    return frame;
  }
}
