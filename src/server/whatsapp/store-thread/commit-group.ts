// One group of deliveries in one SQLite transaction, on the connection it is given: each delivery
// in a savepoint of its own, so one that fails is rolled back alone and the others commit. With
// WAL and synchronous=FULL (../../db/sqlite-pragmas.ts) every commit is an fsync; a group pays for
// one. Runs on the store thread (./entry.ts); nothing here may touch the main thread's state.
import type { DirectWriter } from "../../db/direct-writer";
import type { BusEvent } from "../../bus/types";
import { eventRecorder } from "../../events/record";
import { applyDelivery, type DeliveryChanges, type IngestResult } from "../apply-delivery";

/** What became of one delivery: committed, with the events to publish; or rolled back alone. */
export type DeliveryOutcome = { ok: true; result: IngestResult; recorded: BusEvent[] } | { ok: false; error: string };

/** Throws (having rolled back) only when the group as a whole cannot commit. */
export async function commitDeliveries(writer: DirectWriter, deliveries: readonly DeliveryChanges[]): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  writer.exec("BEGIN IMMEDIATE");
  try {
    for (const delivery of deliveries) {
      const recorded: BusEvent[] = [];
      writer.exec("SAVEPOINT delivery");
      try {
        const result = await applyDelivery(writer.sql, eventRecorder(writer.sql, recorded), delivery);
        writer.exec("RELEASE delivery");
        outcomes.push({ ok: true, result, recorded });
      } catch (error) {
        writer.exec("ROLLBACK TO delivery");
        writer.exec("RELEASE delivery");
        outcomes.push({ ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    writer.exec("COMMIT");
  } catch (error) {
    writer.exec("ROLLBACK");
    throw error;
  }
  return outcomes;
}
