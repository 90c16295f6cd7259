// Who may use a canned response, and who is told when it changes. A response is shared with
// everyone, shared with one inbox's members, or one user's own; `scopeKey` is that as one column
// (the unique index on scope and shortcut refuses a second "/refund" in the same place).
import type { Prisma } from "../../db/generated/client";
import { TEAM_WIDE, type RecordEvent } from "../../events/record";
import type { Access } from "../access";

export interface Placement {
  inboxId: string | null;
  ownerId: string | null;
}

export function scopeKey({ inboxId, ownerId }: Placement): string {
  if (ownerId !== null) return `user:${ownerId}`;
  return inboxId === null ? "everyone" : `inbox:${inboxId}`;
}

/** The responses this user may see and manage: shared ones of inboxes they see, and their own. */
export function visibleCannedResponses(access: Access): Prisma.CannedResponseWhereInput {
  const shared: Prisma.CannedResponseWhereInput =
    access.inboxIds === "all" ? { ownerId: null } : { ownerId: null, OR: [{ inboxId: null }, { inboxId: { in: [...access.inboxIds] } }] };
  return { OR: [shared, { ownerId: access.userId }] };
}

/** The responses offered in a conversation of `inboxId`: for everyone, for that inbox, the user's own. */
export function offeredIn(inboxId: string, userId: string): Prisma.CannedResponseWhereInput {
  return { OR: [{ ownerId: null, inboxId: null }, { ownerId: null, inboxId }, { ownerId: userId }] };
}

/**
 * Records `canned_responses.changed` for everyone who may see a response in `placement`, through
 * the usual scopes so that canSeeEvent (services/access.ts) decides as for any event: the owner,
 * the inbox (its members and admins), or, for a response for everyone, the whole team.
 */
export async function recordChanged(record: RecordEvent, placement: Placement): Promise<void> {
  const event = { type: "canned_responses.changed" } as const;
  if (placement.ownerId !== null) return record({ inboxId: null, conversationId: null, userId: placement.ownerId }, event);
  if (placement.inboxId !== null) return record({ inboxId: placement.inboxId, conversationId: null }, event);
  return record(TEAM_WIDE, event);
}
