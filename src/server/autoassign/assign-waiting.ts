// One pass of auto-assignment: the waiting conversations, oldest first, each to whoever's turn it
// is among the inbox's members who are online and under their capacity (open conversations
// assigned to them, across inboxes, below their "Max open conversations").
//
// Several processes run passes at once (one per server, rung by the same events), so the decision
// is the database's: on PostgreSQL a pass holds an advisory transaction lock, so passes run one
// after another and each counts what the previous one assigned (nobody goes over capacity, the
// turn is read where the last pass left it); and each assignment is a conditional update that only
// takes a conversation still waiting and unassigned, so one that someone assigned meanwhile, or
// that another pass took, is left alone. On SQLite every write is in one process, one at a time.
import { prismaSql } from "../db/prisma-sql";
import { db, type Tx } from "../db/client";
import { writeWithEvents } from "../events/log";
import { recordConversationUpdated } from "../services/conversations/assignment";
import { nextInTurn } from "./round-robin";

/** Held by a pass until it commits; any constant of our own ("SWASGN"). */
export const AUTO_ASSIGN_LOCK = 0x5357_4153_474e;

/** At most this many waiting conversations are looked at in one pass; the next pass goes on. */
const PASS_SIZE = 100;

const WAITING = { awaitingAssignmentSince: { not: null }, assigneeId: null, status: "open", inbox: { autoAssign: true } } as const;

async function anyWaiting(): Promise<boolean> {
  return (await db().read.conversation.findFirst({ where: WAITING, select: { id: true } })) !== null;
}

export interface PassResult {
  assigned: number;
  /** More waited than one pass looks at: run another. */
  more: boolean;
}

/** Assigns what it can of the queue to `onlineUserIds`; everything in one transaction. */
export async function assignWaiting(onlineUserIds: readonly string[]): Promise<PassResult> {
  // A read first: most wakes find nothing waiting, and need not queue for the write lock.
  if (onlineUserIds.length === 0 || !(await anyWaiting())) return { assigned: 0, more: false };
  return writeWithEvents(async (tx, record) => {
    const sql = prismaSql(tx);
    if (sql.provider === "postgresql") await sql.run(`SELECT pg_advisory_xact_lock(${AUTO_ASSIGN_LOCK})`);
    const waiting = await tx.conversation.findMany({
      where: WAITING,
      orderBy: [{ awaitingAssignmentSince: "asc" }, { id: "asc" }],
      take: PASS_SIZE,
      select: { id: true, inboxId: true },
    });
    if (waiting.length === 0) return { assigned: 0, more: false };

    const inboxIds = [...new Set(waiting.map((conversation) => conversation.inboxId))];
    const free = await capacityLeft(tx, onlineUserIds);
    const members = await membersOf(tx, inboxIds, [...free.keys()]);
    const lastGiven = new Map(
      (await tx.inbox.findMany({ where: { id: { in: inboxIds } }, select: { id: true, autoAssignLastUserId: true } })).map(
        (inbox) => [inbox.id, inbox.autoAssignLastUserId],
      ),
    );

    const assignedIds: string[] = [];
    for (const conversation of waiting) {
      const candidates = (members.get(conversation.inboxId) ?? []).filter((userId) => (free.get(userId) ?? 0) > 0);
      const assigneeId = nextInTurn(candidates, lastGiven.get(conversation.inboxId) ?? null);
      if (assigneeId === null) continue;
      const taken = await tx.conversation.updateMany({
        where: { id: conversation.id, assigneeId: null, status: "open", awaitingAssignmentSince: { not: null } },
        data: { assigneeId, awaitingAssignmentSince: null, revision: { increment: 1 } },
      });
      if (taken.count !== 1) continue;
      assignedIds.push(conversation.id);
      free.set(assigneeId, (free.get(assigneeId) ?? 0) - 1);
      lastGiven.set(conversation.inboxId, assigneeId);
    }
    if (assignedIds.length === 0) return { assigned: 0, more: false };

    // The turn is kept in the database, so every process (and the next start) goes on from it.
    for (const inboxId of inboxIds) {
      await tx.inbox.update({ where: { id: inboxId }, data: { autoAssignLastUserId: lastGiven.get(inboxId) ?? null } });
    }
    // Events last: the event log's lock is held from the first event to the commit (events/log.ts).
    const rows = await tx.conversation.findMany({ where: { id: { in: assignedIds } }, include: { contact: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of assignedIds) {
      await recordConversationUpdated(tx, record, byId.get(id)!, { kind: "auto-assignment" }, (after) => ({
        field: "assignee",
        from: null,
        to: after.assigneeId,
        at: new Date().toISOString(),
      }));
    }
    return { assigned: assignedIds.length, more: waiting.length === PASS_SIZE };
  });
}

/** How many more open conversations each active person of `userIds` may be given (only those above zero). */
async function capacityLeft(tx: Tx, userIds: readonly string[]): Promise<Map<string, number>> {
  const people = await tx.user.findMany({
    where: { id: { in: [...userIds] }, active: true },
    select: { id: true, maxOpenConversations: true },
  });
  const open = await tx.conversation.groupBy({
    by: ["assigneeId"],
    where: { status: "open", assigneeId: { in: people.map((person) => person.id) } },
    _count: { _all: true },
  });
  const openCount = new Map(open.map((row) => [row.assigneeId, row._count._all]));
  const left = new Map<string, number>();
  for (const person of people) {
    const room = person.maxOpenConversations - (openCount.get(person.id) ?? 0);
    if (room > 0) left.set(person.id, room);
  }
  return left;
}

/** For each inbox, which of `userIds` are its members. */
async function membersOf(tx: Tx, inboxIds: readonly string[], userIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await tx.inboxMember.findMany({
    where: { inboxId: { in: [...inboxIds] }, userId: { in: [...userIds] } },
    select: { inboxId: true, userId: true },
  });
  const byInbox = new Map<string, string[]>();
  for (const row of rows) byInbox.set(row.inboxId, [...(byInbox.get(row.inboxId) ?? []), row.userId]);
  return byInbox;
}
