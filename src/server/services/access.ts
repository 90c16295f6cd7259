// The one visibility rule. Admins see every conversation; agents see the conversations of the
// inboxes they belong to; an event addressed to one user is theirs alone. The conversation list,
// the history and the live stream (live and replayed events) all decide through this module.
import type { Prisma } from "../db/generated/client";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db/client";

export interface Access {
  userId: string;
  /** "all" for admins; otherwise the inboxes the user belongs to. */
  inboxIds: ReadonlySet<string> | "all";
}

export async function loadAccess(user: SessionUser): Promise<Access> {
  if (user.role === "admin") return { userId: user.id, inboxIds: "all" };
  const memberships = await db().read.inboxMember.findMany({ where: { userId: user.id }, select: { inboxId: true } });
  return { userId: user.id, inboxIds: new Set(memberships.map((membership) => membership.inboxId)) };
}

export function canSeeInbox(access: Access, inboxId: string): boolean {
  return access.inboxIds === "all" || access.inboxIds.has(inboxId);
}

export function canSeeEvent(access: Access, event: { inboxId: string; userId: string | null }): boolean {
  if (event.userId !== null) return event.userId === access.userId;
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
