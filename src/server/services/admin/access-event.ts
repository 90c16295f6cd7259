// Whatever changes what a user may see or whether they may be signed in (membership, role, active
// flag, password) records this event in the same transaction: the user's open streams re-read their
// access from it, the WebSocket server re-checks their sockets, and their dashboard reloads.
import type { RecordEvent } from "../../events/record";

export function recordAccessChanged(record: RecordEvent, userId: string): Promise<void> {
  return record({ inboxId: null, conversationId: null, userId }, { type: "access.changed", userId });
}
