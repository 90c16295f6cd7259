// Stores one webhook delivery: every message and status of every change, in one transaction with
// their events (./apply-delivery.ts). On SQLite the transaction runs on the store thread, grouped
// with concurrent deliveries (./store-thread/); on PostgreSQL on the hot paths' pool.
import { db } from "../db/client";
import { writePostgresDirectWithEvents } from "../events/log";
import { applyDelivery, emptyResult, type DeliveryChanges, type IngestResult } from "./apply-delivery";
import { messageChanges, type TWebhookPayload } from "./payload";
import { storeDelivery } from "./store-thread/queue";

export type { IngestResult } from "./apply-delivery";

/** `signedFor` says which numbers the delivery's signature speaks for (webhook.ts); others are skipped. */
export async function ingestDelivery(payload: TWebhookPayload, signedFor: (phoneNumberId: string) => boolean = () => true): Promise<IngestResult> {
  const changes = messageChanges(payload);
  const delivery: DeliveryChanges = {
    changes,
    signedNumbers: [...new Set(changes.map((change) => change.metadata.phone_number_id).filter(signedFor))],
  };
  if (changes.length === 0) return emptyResult();
  if (db().provider === "postgresql") return writePostgresDirectWithEvents((sql, record) => applyDelivery(sql, record, delivery));
  return storeDelivery(delivery);
}
