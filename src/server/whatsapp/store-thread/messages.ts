// What the main thread and the store thread say to each other (./client.ts, ./entry.ts).
import type { DeliveryChanges } from "../apply-delivery";
import type { DeliveryOutcome } from "./commit-group";

/** A group of deliveries to commit, or the noted messages to index for search. */
export type StoreRequest = { id: number; deliveries: DeliveryChanges[] } | { id: number; indexSearch: true };

/**
 * Each delivery's outcome in the order asked, or how many messages were indexed, or why the
 * whole request did not commit.
 */
export type StoreReply = { id: number; outcomes: DeliveryOutcome[] } | { id: number; indexed: number } | { id: number; failed: string };

export interface StoreThreadData {
  databaseFile: string;
}
