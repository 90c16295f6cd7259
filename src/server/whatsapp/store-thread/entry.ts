// The store thread: owns the webhook's writing connection and commits the groups of deliveries the
// main thread sends it, one group at a time, answering each with its outcomes (./client.ts); and,
// when asked, indexes the messages stored since for search (../../services/search/message-index.ts).
// Everything this file imports is loaded a second time, into the thread's own heap: keep it to
// plain SQL (no Prisma client, bus or logger). With Prisma, Redis and next-intl reached through
// shared modules the idle thread took 74 MB; without, 45 MB, most of it tsx and zod.
import { parentPort, workerData } from "node:worker_threads";
import { openDirectWriter } from "../../db/direct-writer";
import { indexNotedMessages } from "../../services/search/message-index";
import { commitDeliveries } from "./commit-group";
import type { StoreReply, StoreRequest, StoreThreadData } from "./messages";

const port = parentPort;
if (!port) throw new Error("the store thread runs as a worker thread (./client.ts starts it)");
const { databaseFile } = workerData as StoreThreadData;
const writer = openDirectWriter(databaseFile);

let previous = Promise.resolve();
port.on("message", (request: StoreRequest) => {
  previous = previous.then(async () => {
    let reply: StoreReply;
    try {
      reply =
        "indexSearch" in request
          ? { id: request.id, indexed: await indexNotedMessages(writer) }
          : { id: request.id, outcomes: await commitDeliveries(writer, request.deliveries) };
    } catch (error) {
      reply = { id: request.id, failed: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
});
