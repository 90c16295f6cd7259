// The webhook's store path driven without HTTP, for the benchmarks that measure it alone
// (event-lock.ts, store-path.ts): deliveries of one text message each, parsed as the route parses
// them and stored through the route's own ingestDelivery, `senders` at a time for `seconds`.
// Load after the database is chosen: the app's modules read their configuration once.
import { performance } from "node:perf_hooks";
import { textMessage } from "../../testing/webhook";
import { summarize, type Summary } from "../stats";

export interface StoreRoundOptions {
  senders: number;
  seconds: number;
  /** Customers the deliveries come from, in turn (their conversations are made in the warm-up). */
  contacts: number;
  /** Names the customers and messages, so each benchmark's rows are told apart. */
  label: string;
}

export interface StoreRound {
  stored: number;
  perSecond: number;
  /** How long each delivery's store took, from the call to its answer (after its commit). */
  store: Summary;
}

/** Boots the app on the chosen database; returns a function that runs one timed round. */
export async function prepareStoreRounds(options: StoreRoundOptions): Promise<{ round(): Promise<StoreRound>; close(): Promise<void> }> {
  process.env.LOG_LEVEL ??= "warn";
  const { bootstrap } = await import("../../src/server/bootstrap");
  const { ingestDelivery } = await import("../../src/server/whatsapp/ingest");
  const { ZWebhookPayload } = await import("../../src/server/whatsapp/payload");
  const { closeDb } = await import("../../src/server/db/client");
  await bootstrap();

  let next = 0;
  const round = async (): Promise<StoreRound> => {
    const times: number[] = [];
    let stored = 0;
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    await Promise.all(
      Array.from({ length: options.senders }, async () => {
        while (performance.now() < deadline) {
          const index = next++;
          const contact = index % options.contacts;
          const name = `${options.label} ${contact}`;
          const payload = ZWebhookPayload.parse(textMessage({ from: String(15550400000 + contact), name, text: `${options.label} ${index}` }));
          const sentAt = performance.now();
          // Not `stored += await …`: that reads `stored` before waiting, and the senders overwrite each other.
          const result = await ingestDelivery(payload);
          times.push(performance.now() - sentAt);
          stored += result.messagesStored;
        }
      }),
    );
    return { stored, perSecond: stored / ((performance.now() - started) / 1000), store: summarize(times) };
  };
  return { round, close: closeDb };
}
