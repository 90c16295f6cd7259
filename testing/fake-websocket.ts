// A stand-in for the browser's WebSocket in unit tests (Node 20 has none): the test plays the
// network with the net* methods.

export class FakeWebSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  sent: string[] = [];
  closeCalls = 0;

  constructor(readonly url: string | URL) {
    super();
  }

  send(data: string) {
    this.sent.push(data);
  }

  /** Like a browser: asks the peer and waits; the close event comes from the network. */
  close() {
    this.closeCalls++;
    if (this.readyState < 2) this.readyState = 2;
  }

  netOpen() {
    this.readyState = 1;
    this.dispatchEvent(new Event("open"));
  }

  netError() {
    this.dispatchEvent(new Event("error"));
  }

  netClose(code: number) {
    this.readyState = 3;
    this.dispatchEvent(Object.assign(new Event("close"), { code }));
  }

  netMessage(data: string) {
    this.dispatchEvent(Object.assign(new Event("message"), { data }));
  }
}
