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

export interface ManagedSocketOptions {
  /** How long a handshake may take before it is abandoned. */
  handshakeTimeoutMs: number;
}

export function createManagedSocketClass(Base: typeof WebSocket, options: ManagedSocketOptions): typeof WebSocket {
  return class ManagedWebSocket extends Base {
    #opened = false;
    #errored = false;

    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const handshakeTimer = setTimeout(() => {
        if (this.readyState === Base.CONNECTING) this.close();
      }, options.handshakeTimeoutMs);
      // Added before anyone else's listeners, so these run first.
      this.addEventListener("open", () => {
        this.#opened = true;
        clearTimeout(handshakeTimer);
      });
      this.addEventListener("error", () => {
        this.#errored = true;
      });
      this.addEventListener("close", () => {
        clearTimeout(handshakeTimer);
        if (!this.#opened && !this.#errored) this.dispatchEvent(new Event("error"));
      });
    }
  };
}
