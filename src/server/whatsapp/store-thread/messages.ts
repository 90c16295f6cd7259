// What the main thread and the store thread say to each other (./client.ts, ./entry.ts).
import type { DeliveryChanges } from "../apply-delivery";
import type { DeliveryOutcome } from "./commit-group";

export interface StoreRequest {
  id: number;
  deliveries: DeliveryChanges[];
}

/** Each delivery's outcome in the order asked, or why the whole group did not commit. */
export type StoreReply = { id: number; outcomes: DeliveryOutcome[] } | { id: number; failed: string };

export interface StoreThreadData {
  databaseFile: string;
}
