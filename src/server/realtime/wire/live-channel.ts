// How events.subscribe streams over a WebSocket: the socket becomes a subscriber of the process's
// fan-out hub, which writes each event's shared frame bytes to it directly. A socket whose unsent
// bytes pass the bound is closed with CLOSE_TOO_SLOW; the dashboard reconnects and resumes from
// its last event id, so a slow reader costs a replay, never the server's memory.
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import type { Access } from "../../services/access";
import { liveHub } from "../../live/hub";
import { CLOSE_TOO_SLOW } from "@/shared/realtime";
import { corkForThisTurn, isCorkedThisTurn } from "./cork";

export interface LiveChannel {
  /** Streams the user's events until `signal` aborts or the stream ends by itself. */
  run(access: Access, lastEventId: string | null | undefined, signal: AbortSignal): Promise<void>;
}

/** The frame's bytes are UTF-8 JSON: a text frame, as tRPC's client requires. */
const TEXT_FRAME = { binary: false } as const;

/** A closing handshake the slow peer never answers must not keep the socket for ws's 30 s. */
const TERMINATE_AFTER_MS = 5_000;

/** `raw` is the socket under `socket`, corked while one flush writes to it. */
export function socketChannel(socket: WebSocket, raw: Duplex, framePrefix: string, maxBufferedBytes: number): LiveChannel {
  const closeSlow = () => {
    socket.close(CLOSE_TOO_SLOW, "Too slow; resume from your last event");
    setTimeout(() => socket.terminate(), TERMINATE_AFTER_MS).unref();
  };

  return {
    run: (access, lastEventId, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal.aborted) return resolve();
        const subscription = liveHub().subscribe(access, lastEventId, {
          deliver(event, more) {
            if (socket.readyState !== socket.OPEN) return;
            // Judged on what earlier writes left unsent, not on frames corked in this turn. A lone
            // event is written at once: corking it would only make every socket wait for the
            // whole fan-out before its frame leaves.
            if (!isCorkedThisTurn(raw) && socket.bufferedAmount > maxBufferedBytes) return closeSlow();
            if (more) corkForThisTurn(raw);
            socket.send(event.frame(framePrefix), TEXT_FRAME);
          },
          end(reason) {
            if (reason.kind === "failed") reject(reason.error);
            else resolve();
          },
        });
        signal.addEventListener(
          "abort",
          () => {
            subscription.close();
            resolve();
          },
          { once: true },
        );
      }),
  };
}
