// One soak subscriber: a raw WebSocket speaking tRPC's protocol that remembers the id of the last
// event it got and resumes from it whenever it is dropped, as the dashboard does. Loopback only.
import WebSocket from "ws";
import { readTrpcFrame } from "./load/frames";

export interface SoakSubscriber {
  /** Cuts the connection as a dropped network would, and reconnects after `afterMs`. */
  drop(afterMs: number): void;
  connected(): boolean;
  close(): void;
}

export function soakSubscriber(options: {
  url: string;
  cookie: string;
  lastEventId: string;
  localAddress: string;
  onBody: (body: string) => void;
  onError: (message: string) => void;
}): SoakSubscriber {
  let lastEventId = options.lastEventId;
  let socket: WebSocket | null = null;
  let live = false;
  let closed = false;

  const open = () => {
    // One connection at a time: a drop while a reconnect is pending changes nothing.
    if (closed || socket) return;
    const current = new WebSocket(`${options.url.replace(/^http/, "ws")}/api/trpc-ws`, {
      headers: { cookie: options.cookie },
      localAddress: options.localAddress,
      perMessageDeflate: false,
    });
    socket = current;
    current.on("open", () => {
      current.send(JSON.stringify({ id: 1, method: "subscription", params: { path: "events.subscribe", input: { lastEventId } } }));
    });
    current.on("message", (data: Buffer) => {
      const text = data.toString();
      if (text === "PING") return current.send("PONG");
      const frame = readTrpcFrame(text);
      if (frame.resultType === "started") live = true;
      if (frame.eventId !== null) lastEventId = frame.eventId;
      if (frame.messageBody !== null) options.onBody(frame.messageBody);
    });
    current.on("error", (error) => options.onError(error.message));
    current.on("close", () => {
      if (socket !== current) return;
      // Closed by the server (a restart, a slow reader): reconnect like the dashboard does.
      socket = null;
      live = false;
      setTimeout(open, 500 + Math.random() * 1000);
    });
  };
  open();

  return {
    drop(afterMs) {
      const current = socket;
      if (!current) return;
      socket = null;
      live = false;
      current.terminate();
      setTimeout(open, afterMs);
    },
    connected: () => live,
    close() {
      closed = true;
      socket?.terminate();
    },
  };
}
