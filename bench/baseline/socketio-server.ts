// The baseline bench/run.ts compares Switchboard with: the "plain Socket.IO" design most WhatsApp
// dashboards start from. Webhook → one SQLite insert per message → emit to one room that every
// socket joined. Run: `node --import tsx bench/baseline/socketio-server.ts` (PORT, 0 = random;
// BASELINE_DB, a directory for the database file, a fresh temp directory when unset).
//
// It does less work than Switchboard on purpose, so the comparison flatters it: no signature check
// (X-Hub-Signature-256 is ignored), no validation beyond JSON.parse, no contacts or conversations,
// no event log (a client that reconnects has lost what it missed), no sessions or per-inbox access.
import fs from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { Server } from "socket.io";
import { jsonList as list, jsonObject as object, jsonText as text } from "../json-fields";

interface InboundMessage {
  wamid: string;
  from: string;
  body: string;
}
interface StoredMessage {
  id: number;
  wamid: string;
  from: string;
  body: string;
  createdAt: number;
}

/** entry[].changes[].value.messages[], read field by field from whatever was posted. */
function inboundMessages(delivery: unknown): InboundMessage[] {
  return list(object(delivery)?.entry).flatMap((entry) =>
    list(object(entry)?.changes).flatMap((change) =>
      list(object(object(change)?.value)?.messages).map((raw) => {
        const message = object(raw);
        return { wamid: text(message?.id) ?? "", from: text(message?.from) ?? "", body: text(object(message?.text)?.body) ?? "" };
      }),
    ),
  );
}

const MAX_BODY_BYTES = 1024 * 1024;
const madeDir = !process.env.BASELINE_DB;
const dir = process.env.BASELINE_DB ?? fs.mkdtempSync(path.join(os.tmpdir(), "switchboard-baseline-"));
const db = new Database(path.join(dir, "baseline.db"));
// The settings a careful Node + SQLite app uses: readers never block the writer, and a commit waits
// for the WAL write, not for fsync. Switchboard sets synchronous=FULL (src/server/db/sqlite-pragmas.ts:
// an fsync per commit, 0.5–1.4 ms here), so an answered webhook also survives a power cut.
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec(
  "CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, wamid TEXT UNIQUE, phone TEXT, body TEXT, createdAt INTEGER)",
);
// WhatsApp retries deliveries; the UNIQUE wamid is the one guard against storing (and emitting) twice.
const insert = db.prepare("INSERT INTO messages (wamid, phone, body, createdAt) VALUES (?, ?, ?, ?) ON CONFLICT (wamid) DO NOTHING");
const storeAll = db.transaction((messages: InboundMessage[]) => {
  const stored: StoredMessage[] = [];
  for (const message of messages) {
    const row = { ...message, createdAt: Date.now() };
    const result = insert.run(row.wamid, row.from, row.body, row.createdAt);
    if (result.changes === 1) stored.push({ id: Number(result.lastInsertRowid), ...row });
  }
  return stored;
});

/** Time spent emitting (writing every socket's frame), for the bench's server-side fan-out figure. */
const fanout = { ms: 0, count: 0 };

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString("utf8") : null));
    req.on("error", reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function webhook(req: IncomingMessage, res: ServerResponse) {
  const raw = await readBody(req);
  if (raw === null) return reply(res, 413, { ok: false });
  let delivery: unknown;
  try {
    delivery = JSON.parse(raw);
  } catch {
    return reply(res, 400, { ok: false });
  }
  const messages = inboundMessages(delivery);
  // Emitted after the commit, so a client never sees a message the database does not have.
  const stored = storeAll(messages);
  const emitStarted = performance.now();
  for (const message of stored) io.to("inbox").emit("message", message);
  fanout.ms += performance.now() - emitStarted;
  fanout.count++;
  reply(res, 200, { ok: true, stored: stored.length });
}

const httpServer = createServer((req, res) => {
  const route = `${req.method} ${(req.url ?? "").split("?")[0]}`;
  if (route === "POST /webhook") {
    webhook(req, res).catch(() => {
      if (!res.headersSent) reply(res, 500, { ok: false });
    });
  } else if (route === "GET /health") {
    // The socket count lets the benchmark check that every subscriber is connected server-side;
    // the emit time, what the server itself spends on a fan-out.
    reply(res, 200, { ok: true, clients: io.engine.clientsCount, fanoutMs: fanout.ms, fanouts: fanout.count });
  } else reply(res, 404, { ok: false });
});

// WebSocket only, as the load generator speaks it (no long-polling handshake), and no client bundle.
const io = new Server(httpServer, { transports: ["websocket"], serveClient: false });
io.on("connection", (socket) => void socket.join("inbox"));

httpServer.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(`baseline listening on http://127.0.0.1:${port}`);
});

let closing = false;
process.on("SIGTERM", () => {
  if (closing) return;
  closing = true;
  // Sockets that do not close in time must not keep the benchmark waiting.
  setTimeout(() => process.exit(0), 5_000).unref();
  void io.close(() => {
    db.close();
    if (madeDir) fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
