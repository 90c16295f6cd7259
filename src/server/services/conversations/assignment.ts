// Who handles a conversation, and where it stands. An agent takes an unassigned conversation or
// lets go of their own; an admin assigns anyone who may see it. Status is open, pending or
// resolved, set by anyone who sees the conversation (a customer writing again reopens it: see
// whatsapp/ingest-store.ts). Each change raises the conversation's revision and is an event.
import type { Tx } from "../../db/client";
import { writeWithEvents } from "../../events/log";
import type { RecordEvent } from "../../events/record";
import type { SessionUser } from "../../auth/session-user";
import { z } from "zod";
import { CONVERSATION_STATUSES, type ConversationStatus, type TConversationSummary } from "@/shared/dto";
import type { TAssignmentActor } from "@/shared/events";
import { peopleIn, type TConversationChange } from "@/shared/activity";
import { db } from "../../db/client";
import { prismaSql } from "../../db/prisma-sql";
import { noteConversationChange } from "../../reports/record";
import { findVisibleConversation, type Access } from "../access";
import { toConversationSummary } from "../dto";
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from "../errors";
import { said } from "@/shared/server-text";

export interface Assignee {
  id: string;
  name: string;
}

/** The active people who may see the conversation's inbox: admins, and the inbox's members. */
export async function listAssignees(access: Access, conversationId: string): Promise<Assignee[]> {
  const conversation = await findVisibleConversation(access, conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  return db().read.user.findMany({
    where: { active: true, OR: [{ role: "admin" }, { memberships: { some: { inboxId: conversation.inboxId } } }] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** What an agent may do themselves: take what nobody has, let go of what they have. */
function agentMay(user: SessionUser, from: string | null, to: string | null): boolean {
  return (from === null && to === user.id) || (from === user.id && to === null);
}

export async function assignConversation(
  user: SessionUser,
  access: Access,
  conversationId: string,
  assigneeId: string | null,
): Promise<TConversationSummary> {
  const conversation = await findVisibleConversation(access, conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  if (assigneeId !== null && assigneeId !== user.id) {
    const candidates = await listAssignees(access, conversationId);
    if (!candidates.some((candidate) => candidate.id === assigneeId)) {
      throw new InvalidRequestError(said("assigneeCannotSee"));
    }
  }
  return writeWithEvents(async (tx, record) => {
    const current = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    if (current.assigneeId === assigneeId) return summaryOf(tx, conversationId);
    if (user.role !== "admin" && !agentMay(user, current.assigneeId, assigneeId)) {
      if (current.assigneeId !== null && current.assigneeId !== user.id && assigneeId === user.id) {
        throw new ConflictError(said("takenMeanwhile"));
      }
      throw new ForbiddenError(said("agentsAssignRule"));
    }
    return updateConversation(tx, record, current, { assigneeId }, { kind: "user", userId: user.id });
  });
}

export async function setConversationStatus(
  access: Access,
  conversationId: string,
  status: ConversationStatus,
): Promise<TConversationSummary> {
  const conversation = await findVisibleConversation(access, conversationId);
  if (!conversation) throw new NotFoundError(said("conversationNotFound"));
  return writeWithEvents(async (tx, record) => {
    const current = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    if (current.status === status) return summaryOf(tx, conversationId);
    return updateConversation(tx, record, current, { status }, { kind: "user", userId: access.userId });
  });
}

/**
 * After a change of someone's access (in the same transaction): unassigns the conversations they
 * may no longer see — all of them once deactivated; those of inboxes they left, or that they saw
 * only as an admin. Nobody is left owning what they cannot open. One event per conversation.
 */
export async function releaseUnseenAssignments(tx: Tx, record: RecordEvent, userId: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { memberships: { select: { inboxId: true } } } });
  if (user?.active && user.role === "admin") return;
  const stillSeen = user?.active ? user.memberships.map((membership) => membership.inboxId) : [];
  const unseen = await tx.conversation.findMany({
    where: { assigneeId: userId, inboxId: { notIn: stillSeen } },
    select: { id: true, assigneeId: true, status: true },
  });
  // No actor: the change of access did it, not a choice about this conversation.
  for (const conversation of unseen) await updateConversation(tx, record, conversation, { assigneeId: null });
}

/** What a change of one field did, for the event (the activity shown in the log). */
function describeChange(
  before: { assigneeId: string | null; status: string },
  after: TConversationSummary,
  field: "assignee" | "status",
): TConversationChange {
  const at = new Date().toISOString();
  if (field === "assignee") return { field, from: before.assigneeId, to: after.assigneeId, at };
  return { field, from: ZStatus.parse(before.status), to: after.status, at };
}

const ZStatus = z.enum(CONVERSATION_STATUSES);

async function updateConversation(
  tx: Tx,
  record: RecordEvent,
  current: { id: string; assigneeId: string | null; status: string },
  change: { assigneeId?: string | null; status?: ConversationStatus },
  actor?: TAssignmentActor,
): Promise<TConversationSummary> {
  const conversationId = current.id;
  // A person's assignment (or letting go) and resolving both take the conversation out of the
  // auto-assignment queue: what someone decided is not undone by the assigner.
  const leavesQueue = change.assigneeId !== undefined || change.status === "resolved";
  const row = await tx.conversation.update({
    where: { id: conversationId },
    data: { ...change, ...(leavesQueue ? { awaitingAssignmentSince: null } : {}), revision: { increment: 1 } },
    include: { contact: true },
  });
  const field = change.assigneeId !== undefined ? "assignee" : "status";
  return recordConversationUpdated(tx, record, row, actor, (after) => describeChange(current, after, field));
}

/** The event of a change to a conversation's status, assignee or labels (here, ../labels/, ../../autoassign/). */
export async function recordConversationUpdated(
  tx: Tx,
  record: RecordEvent,
  row: Parameters<typeof toConversationSummary>[0],
  actor: TAssignmentActor | undefined,
  describe: (after: TConversationSummary) => TConversationChange,
): Promise<TConversationSummary> {
  const conversation = toConversationSummary(row);
  const change = describe(conversation);
  await noteConversationChange(prismaSql(tx), row, change);
  const mentioned = peopleIn(actor, change);
  const people = mentioned.length > 0 ? await tx.user.findMany({ where: { id: { in: mentioned } }, select: { id: true, name: true } }) : [];
  const names = people.length > 0 ? Object.fromEntries(people.map((person) => [person.id, person.name])) : undefined;
  await record(
    { inboxId: row.inboxId, conversationId: row.id },
    { type: "conversation.updated", conversation, change, ...(actor ? { actor } : {}), ...(names ? { names } : {}) },
  );
  return conversation;
}

async function summaryOf(tx: Tx, conversationId: string): Promise<TConversationSummary> {
  return toConversationSummary(await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { contact: true } }));
}
