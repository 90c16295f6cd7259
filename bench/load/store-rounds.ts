// The webhook's store path driven without HTTP, for the benchmarks that measure it alone
// (event-lock.ts, store-path.ts): deliveries of one text message each, parsed as the route parses
// them and stored through the route's own ingestDelivery by the ingest phases' senders (./senders.ts),
// `senders` at a time for `seconds`.
// Load after the database is chosen: the app's modules read their configuration once.
import { performance } from "node:perf_hooks";
import { textMessage } from "../../testing/webhook";
import { summarize, type Summary } from "../stats";
import { benchCustomer, runSenders } from "./senders";

export interface StoreRoundOptions {
  senders: number;
  seconds: number;
  /** Customers the deliveries come from, in turn (their conversations are made in the warm-up). */
  contacts: number;
  /** Starts each message's text, so each benchmark's rows are told apart. */
  label: string;
}

export interface StoreRound {
  stored: number;
  perSecond: number;
  /** How long each delivery's store took, from the call to its answer (after its commit). */
  store: Summary;
  /** This thread's busy time per stored delivery (the senders' own work included), from its event loop's utilisation. */
  mainThreadMsPerDelivery: number;
}

/** Boots the app on the chosen database; returns a function that runs one timed round. */
export async function prepareStoreRounds(options: StoreRoundOptions): Promise<{ round(): Promise<StoreRound>; close(): Promise<void> }> {
  process.env.LOG_LEVEL ??= "warn";
  const { bootstrap } = await import("../../src/server/bootstrap");
  const { ingestDelivery } = await import("../../src/server/whatsapp/ingest");
  const { ZWebhookPayload } = await import("../../src/server/whatsapp/payload");
  const { closeDb } = await import("../../src/server/db/client");
  await bootstrap();

  const round = async (): Promise<StoreRound> => {
    let stored = 0;
    const loopBefore = performance.eventLoopUtilization();
    const payloadOf = (index: number) => ZWebhookPayload.parse(textMessage({ ...benchCustomer(index, options.contacts), text: `${options.label} ${index}` }));
    const sent = await runSenders(
      { concurrency: options.senders, durationMs: options.seconds * 1000, maxMessages: Number.POSITIVE_INFINITY },
      payloadOf,
      async (payload) => {
        // Not `stored += await …`: that reads `stored` before waiting, and the senders overwrite each other.
        const result = await ingestDelivery(payload);
        stored += result.messagesStored;
      },
    );
    const busyMs = performance.eventLoopUtilization(loopBefore).active;
    return { stored, perSecond: stored / sent.seconds, store: summarize(sent.responses), mainThreadMsPerDelivery: busyMs / stored };
  };
  return { round, close: closeDb };
}
