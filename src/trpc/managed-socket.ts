// The browser's WebSocket, made to end every connection attempt in a way tRPC's client notices.
// tRPC (11.19, wsConnection.ts) waits for a handshake with one promise that settles only on "open"
// or "error", and runs one reconnect loop at a time that waits on that promise. Two ways to leave
// it waiting for ever, and what this class does about them:
//
// 1. A socket that closes during its handshake without an "error" event. Browsers fire "error"
//    first, but not every implementation does (Playwright's routeWebSocket does not), and then the
//    loop never tries again: "Reconnecting…" for good. Such a close is preceded by an "error" here.
// 2. A handshake that never completes (a proxy or a server mid-restart that accepts the TCP
//    connection but never answers): tRPC has no connect timeout. It is abandoned after a while.
//
// And one way to leave the tab "Live" on a dead connection: when tRPC's keep-alive gets no pong it
// calls close(), but Chromium fires "close" only once the server answers the closing handshake or
// after 60 s. A socket whose "close" has not come within a grace period after close() is
// reported closed here (1006), and its late events are kept from tRPC.

export interface ManagedSocketOptions {
  /** How long a handshake may take before it is abandoned. */
  handshakeTimeoutMs: number;
  /** How long to wait for "close" after close() on an open socket before reporting it closed. */
  closeGraceMs: number;
  /** Called with each socket as it is created. */
  onCreate?: (socket: ManagedSocket) => void;
}

export interface ManagedSocket extends WebSocket {
  /** When it was created, in `performance.now()` time. */
  readonly createdAt: number;
  /** Sends a PING and closes the socket if nothing at all comes back within `timeoutMs`. */
  probe(timeoutMs: number): void;
}

function closeEvent(init: CloseEventInit): Event {
  if (typeof CloseEvent === "function") return new CloseEvent("close", init);
  return Object.assign(new Event("close"), init); // Runtimes without CloseEvent (tests on Node 20).
}

export function createManagedSocketClass(
  Base: typeof WebSocket,
  options: ManagedSocketOptions,
): typeof WebSocket & (new (url: string | URL, protocols?: string | string[]) => ManagedSocket) {
  return class ManagedWebSocket extends Base implements ManagedSocket {
    readonly createdAt = performance.now();
    #opened = false;
    #errored = false;
    /** Once a "close" went to the listeners, later "close" and "message" events are dropped. */
    #closed = false;
    #timers = new Set<ReturnType<typeof setTimeout>>();

    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const handshakeTimer = this.#after(options.handshakeTimeoutMs, () => {
        if (this.readyState === Base.CONNECTING) this.close();
      });
      // Added before anyone else's listeners, so these run first.
      this.addEventListener("open", () => {
        this.#opened = true;
        this.#cancel(handshakeTimer);
      });
      this.addEventListener("error", () => {
        this.#errored = true;
      });
      this.addEventListener("message", (event) => {
        if (this.#closed) event.stopImmediatePropagation();
      });
      this.addEventListener("close", (event) => {
        if (this.#closed) {
          event.stopImmediatePropagation();
          return;
        }
        this.#closed = true;
        for (const timer of this.#timers) clearTimeout(timer);
        this.#timers.clear();
        if (!this.#opened && !this.#errored) this.dispatchEvent(new Event("error"));
      });
      options.onCreate?.(this);
    }

    override close(code?: number, reason?: string): void {
      const wasOpen = this.readyState === Base.OPEN;
      super.close(code, reason);
      if (!wasOpen || this.#closed) return;
      this.#after(options.closeGraceMs, () => {
        if (!this.#closed) this.dispatchEvent(closeEvent({ code: 1006, reason: "No answer to close", wasClean: false }));
      });
    }

    probe(timeoutMs: number): void {
      if (this.readyState !== Base.OPEN || this.#closed) return;
      const timer = this.#after(timeoutMs, () => {
        if (this.readyState === Base.OPEN) this.close();
      });
      this.addEventListener("message", () => this.#cancel(timer), { once: true });
      this.send("PING");
    }

    #cancel(timer: ReturnType<typeof setTimeout>): void {
      clearTimeout(timer);
      this.#timers.delete(timer);
    }

    #after(ms: number, run: () => void): ReturnType<typeof setTimeout> {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        run();
      }, ms);
      this.#timers.add(timer);
      return timer;
    }
  };
}
