// The load generator for the side-by-side benchmark: N plain `ws` sockets speaking either tRPC's
// WebSocket protocol (Switchboard) or Engine.IO v4 / Socket.IO (the baseline), no client library on
// either side, so the client's cost per delivery is the same for both: one JSON.parse per frame.
// Each frame is timed as it is read from its socket, and parsed once the sockets that had data in
// that turn of the event loop have all been read (see `readLater`).
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { readSocketIoMessageBody, readTrpcFrame } from "./frames";

export type Protocol = "trpc" | "socketio";
/** `subscriber` is socket × subscriptionsPerSocket + (subscription id − 1). */
export type OnRawEvent = (subscriber: number, body: string, arrivalMs: number) => void;

export interface RawTarget {
  protocol: Protocol;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /**
   * Several processes of one deployment (a cluster): socket i connects to baseUrls[i mod n], so
   * subscribers are spread round-robin and every process has its share. Unset: all to `baseUrl`.
   */
  baseUrls?: readonly string[];
  /** tRPC only: the session cookie, and the event id every subscription starts after. */
  cookie?: string;
  lastEventId?: string;
}

export interface RawClientOptions extends RawTarget {
  sockets: number;
  /** tRPC only (several subscriptions share a socket; ids 1..k). */
  subscriptionsPerSocket?: number;
  batchSize: number;
  /** Upper bound for opening all of them. */
  timeoutMs: number;
  onEvent: OnRawEvent;
}

export interface RawClientPool {
  subscribers: number;
  /** Sockets closed by the other side (or failed) after they were ready. */
  closes(): number;
  /** The size of the first frame that carried a message (a text message's, in the fan-out bench), in bytes. */
  messageFrameBytes(): number | null;
  errors(): string[];
  close(): Promise<void>;
}

// Each pool starts on a loopback source address of its own and moves to the next one every this
// many sockets, so no phase opens its sockets among the ports an earlier phase left in TIME_WAIT
// (the baseline's, in a side-by-side run: connect() searches longer for a free port the more are
// taken), and the ephemeral range (about 28,000 ports) is never exhausted.
const SOCKETS_PER_SOURCE_ADDRESS = 20_000;
let addressesUsed = 0;

/** Reserves the addresses `sockets` sockets need; returns the first one's number. */
export function reserveSourceAddresses(sockets: number): number {
  const first = addressesUsed;
  addressesUsed += Math.max(1, Math.ceil(sockets / SOCKETS_PER_SOURCE_ADDRESS));
  return first;
}

/** In a load generator started by another (../fanout-process.ts): go on from the addresses it reserved for this one. */
export function continueSourceAddressesAt(first: number): void {
  addressesUsed = first;
}

/** The source address socket i of a pool starting at address number `first` connects from. */
const sourceAddressOf = (first: number, socketIndex: number) =>
  `127.0.0.${1 + ((first + Math.floor(socketIndex / SOCKETS_PER_SOURCE_ADDRESS)) % 250)}`;

export async function openRawClients(options: RawClientOptions): Promise<RawClientPool> {
  const trpc = options.protocol === "trpc";
  const firstAddress = reserveSourceAddresses(options.sockets);
  const perSocket = trpc ? Math.max(1, options.subscriptionsPerSocket ?? 1) : 1;
  const toSocketUrl = (baseUrl: string) =>
    trpc ? `${baseUrl.replace(/^http/, "ws")}/api/trpc-ws` : `${baseUrl.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`;
  const urls = (options.baseUrls?.length ? options.baseUrls : [options.baseUrl]).map(toSocketUrl);
  const urlOf = (index: number) => urls[index % urls.length] ?? toSocketUrl(options.baseUrl);
  const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
  const subscribe = (id: number) =>
    JSON.stringify({ id, method: "subscription", params: { path: "events.subscribe", input: { lastEventId: options.lastEventId } } });
  const sockets: WebSocket[] = [];
  const errors: string[] = [];
  const noteError = (message: string) => {
    if (errors.length < 20) errors.push(message);
  };
  let closes = 0;
  let closing = false;
  let messageFrameBytes: number | null = null;
  // Parsed at the end of the turn, after every socket with data in it was read and timed. Parsed
  // as each was read, the frames of 1,000 sockets in this one process were timed after the parse of
  // all those read before them, so a bigger frame (Switchboard's 467 bytes against the baseline's
  // 154) made the load generator, not the server, set the time to the last subscriber: the server
  // wrote a frame to all 1,000 sockets in 19 ms while the last arrived 38 ms after the first.
  let unread: (() => void)[] = [];
  const readUnread = () => {
    const frames = unread;
    unread = [];
    for (const read of frames) read();
  };
  const readLater = (read: () => void) => {
    if (unread.push(read) === 1) setImmediate(readUnread);
  };

  const openSocket = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const first = index * perSocket;
      let waiting = perSocket;
      let ready = false;
      const socket = new WebSocket(urlOf(index), { headers, localAddress: sourceAddressOf(firstAddress, index), perMessageDeflate: false });
      sockets.push(socket);
      const started = () => {
        if (--waiting === 0) {
          ready = true;
          resolve();
        }
      };
      socket.on("open", () => {
        for (let id = 1; trpc && id <= perSocket; id++) socket.send(subscribe(id));
      });
      const fail = (message: string) => {
        noteError(message);
        if (!ready) reject(new Error(message));
      };
      const onTrpc = (text: string, bytes: number, at: number) => {
        if (text === "PING") return socket.send("PONG");
        const frame = readTrpcFrame(text);
        const id = frame.id ?? 0;
        if (frame.error !== null) fail(`socket ${index}, subscription ${id}: ${frame.error}`);
        else if (frame.resultType === "started") started();
        else if (frame.resultType === "stopped") fail(`socket ${index}, subscription ${id}: stopped by the server`);
        else if (frame.messageBody !== null && id >= 1 && id <= perSocket) {
          messageFrameBytes ??= bytes;
          options.onEvent(first + id - 1, frame.messageBody, at);
        }
      };
      // Engine.IO: "0" open, "2" ping, "4" message; Socket.IO inside "4": "0" connect, "2" event, "4" error.
      const onSocketIo = (text: string, bytes: number, at: number) => {
        if (text === "2") return socket.send("3");
        if (text.startsWith("0")) return socket.send("40");
        if (text.startsWith("40")) return started();
        if (text.startsWith("44")) return fail(`socket ${index}: connect error ${text.slice(2)}`);
        if (!text.startsWith("42")) return;
        const body = readSocketIoMessageBody(text.slice(2));
        if (body === null) return;
        messageFrameBytes ??= bytes;
        options.onEvent(first, body, at);
      };
      socket.on("message", (data: Buffer, isBinary: boolean) => {
        const at = performance.now();
        // tRPC's client throws on a binary frame (its JSON encoder takes text only): count it as lost.
        if (isBinary) return noteError(`socket ${index}: a binary frame; both protocols here are text only`);
        readLater(() => {
          try {
            (trpc ? onTrpc : onSocketIo)(data.toString(), data.length, at);
          } catch (error) {
            noteError(`socket ${index}: ${String(error)}`);
          }
        });
      });
      socket.on("error", (error) => {
        if (!closing) noteError(`socket ${index}: ${error.message}`);
      });
      socket.on("close", (code) => {
        if (closing) return;
        if (ready) closes++;
        else reject(new Error(`socket ${index} closed (${code}) before it was ready`));
      });
    });

  const pool: RawClientPool = {
    subscribers: options.sockets * perSocket,
    closes: () => closes,
    messageFrameBytes: () => messageFrameBytes,
    errors: () => errors,
    async close() {
      closing = true;
      for (const socket of sockets) socket.close(1000);
      const deadline = Date.now() + 5_000;
      while (sockets.some((socket) => socket.readyState !== WebSocket.CLOSED) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      for (const socket of sockets) socket.terminate();
    },
  };

  const deadline = Date.now() + options.timeoutMs;
  try {
    for (let start = 0; start < options.sockets; start += options.batchSize) {
      const batch: Promise<void>[] = [];
      for (let index = start; index < Math.min(options.sockets, start + options.batchSize); index++) batch.push(openSocket(index));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        Promise.all(batch).then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), Math.max(0, deadline - Date.now())))),
      ]).finally(() => clearTimeout(timer));
      if (timedOut) throw new Error(`only ${start} of ${options.sockets} sockets were ready after ${options.timeoutMs} ms`);
    }
  } catch (error) {
    await pool.close();
    throw new Error(`opening ${options.protocol} clients failed: ${String(error)}${errors[0] ? ` (first error: ${errors[0]})` : ""}`);
  }
  return pool;
}
