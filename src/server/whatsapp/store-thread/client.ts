// The main thread's side of the store thread (./entry.ts): a worker thread that owns the webhook's
// SQLite connection and commits its groups of deliveries. better-sqlite3 is synchronous, so on the
// main thread every statement, the WAL writes and the fsync of each commit held the event loop that
// also runs Next, the sockets and the fan-out: a profile of sustained webhooks put them at a fifth
// of the server's time. Here they run on the other core while the main thread serves requests.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { sqliteFilePath } from "../../db/paths";
import { env } from "../../env";
import { logger } from "../../logger";
import type { DeliveryChanges } from "../apply-delivery";
import type { DeliveryOutcome } from "./commit-group";
import type { StoreReply, StoreRequest, StoreThreadData } from "./messages";

// From the project's root (every command runs there), not this file: in the server this module is
// part of Next's bundle, far from the sources.
const ENTRY = path.join(process.cwd(), "src/server/whatsapp/store-thread/entry.ts");

// The thread's code is TypeScript, loaded with tsx's API as `npm start` loads the server: Node 20
// does not hand tsx's --import hooks on to a worker thread (tsx issue 354).
const LOADER = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(pathToFileURL(ENTRY).href)}, ${JSON.stringify(pathToFileURL(ENTRY).href)}))`;

interface Waiting {
  resolve(reply: StoreReply): void;
  reject(error: Error): void;
}

class StoreThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** Set once the thread has died or was stopped: it answers nothing more, and the next commit starts another. */
  private dead: Error | null = null;
  private stopping = false;

  constructor(databaseFile: string) {
    const data: StoreThreadData = { databaseFile };
    // No inherited flags: the parent's `--import tsx` would register tsx's hooks a second time.
    this.worker = new Worker(LOADER, { eval: true, workerData: data, execArgv: [] });
    // Idle, it keeps no process alive; while a group is out, the process waits for its answer.
    this.worker.unref();
    this.worker.on("message", (reply: StoreReply) => this.answer(reply));
    this.worker.on("error", (error) => this.die(error));
    this.worker.on("exit", (code) => this.die(new Error(`the store thread stopped (exit code ${code})`)));
  }

  async commit(deliveries: DeliveryChanges[]): Promise<DeliveryOutcome[]> {
    const reply = await this.ask((id) => ({ id, deliveries }));
    if (!("outcomes" in reply)) throw new Error("the store thread answered a commit with something else");
    return reply.outcomes;
  }

  /** Indexes the messages stored since the last time for search; how many there were. */
  async indexSearch(): Promise<number> {
    const reply = await this.ask((id) => ({ id, indexSearch: true }));
    if (!("indexed" in reply)) throw new Error("the store thread answered an index request with something else");
    return reply.indexed;
  }

  private ask(request: (id: number) => StoreRequest): Promise<StoreReply> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage(request(id));
    });
  }

  get alive(): boolean {
    return this.dead === null;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.die(new Error("the store thread was stopped"));
    await this.worker.terminate();
  }

  private answer(reply: StoreReply) {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (!waiting) return;
    if ("failed" in reply) waiting.reject(new Error(reply.failed));
    else waiting.resolve(reply);
  }

  private die(error: Error) {
    if (this.dead) return;
    this.dead = error;
    if (!this.stopping) logger.error("the store thread failed", { error: error.message });
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

const globalForThread = globalThis as typeof globalThis & { __switchboardStoreThread?: StoreThread };

/** The process's store thread on its SQLite file, started on first use and again after it died. */
export function storeThread(): StoreThread {
  const current = globalForThread.__switchboardStoreThread;
  if (current?.alive) return current;
  const started = new StoreThread(sqliteFilePath(env().DATABASE_URL));
  globalForThread.__switchboardStoreThread = started;
  return started;
}

export async function closeStoreThread(): Promise<void> {
  const current = globalForThread.__switchboardStoreThread;
  globalForThread.__switchboardStoreThread = undefined;
  await current?.stop();
}
