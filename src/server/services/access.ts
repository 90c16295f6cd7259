// The one visibility rule. Admins see every conversation; agents see the conversations of the
// inboxes they belong to; an event addressed to one user is theirs alone, one for the team is
// everyone's. The conversation list, the history and the live stream (live and replayed events)
// all decide through this module.
import type { Prisma } from "../db/generated/client";
import { activeUser, type SessionUser } from "../auth/session-user";
import { readInboxIds } from "../db/hot-reads";
import { db } from "../db/client";

export interface Access {
  userId: string;
  /** "all" for admins; otherwise the inboxes the user belongs to. */
  inboxIds: ReadonlySet<string> | "all";
}

export async function loadAccess(user: SessionUser): Promise<Access> {
  if (user.role === "admin") return { userId: user.id, inboxIds: "all" };
  return { userId: user.id, inboxIds: new Set(await readInboxIds(user.id)) };
}

export function canSeeInbox(access: Access, inboxId: string): boolean {
  return access.inboxIds === "all" || access.inboxIds.has(inboxId);
}

/**
 * The user's access as it is now, or null when they are no longer an active user. Live streams call
 * this when told that it changed (an `access.changed` event), so they need no reconnect.
 */
export async function reloadAccess(userId: string): Promise<Access | null> {
  const user = await activeUser(userId);
  return user ? loadAccess(user) : null;
}

/**
 * Who an event is addressed to: one user (`userId`); every signed-in user (`team`, a change that
 * concerns the whole team, e.g. a canned response for everyone); an inbox (its members and the
 * admins); or none of these, admins only.
 */
export interface EventAudience {
  inboxId: string | null;
  userId: string | null;
  team?: boolean;
}

export function canSeeEvent(access: Access, event: EventAudience): boolean {
  if (event.userId !== null) return event.userId === access.userId;
  if (event.team) return true;
  // An event about no inbox, no one user and not for everyone is about running the team: admins only.
  if (event.inboxId === null) return access.inboxIds === "all";
  return canSeeInbox(access, event.inboxId);
}

/** A Prisma filter for the conversations this user may see. */
export function visibleConversations(access: Access): Prisma.ConversationWhereInput {
  return access.inboxIds === "all" ? {} : { inboxId: { in: [...access.inboxIds] } };
}

/** The conversation if it exists and the user may see it; null otherwise (callers say "not found"). */
export async function findVisibleConversation(access: Access, conversationId: string) {
  return db().read.conversation.findFirst({
    where: { AND: [{ id: conversationId }, visibleConversations(access)] },
    include: { contact: true },
  });
}

/**
 * The contact if the user may see one of its conversations; null otherwise (callers say "not
 * found"). The contact panel reads and changes a contact through this, so it follows the same rule.
 */
export async function findVisibleContact(access: Access, contactId: string) {
  return db().read.contact.findFirst({
    where: { id: contactId, conversations: { some: visibleConversations(access) } },
  });
}
