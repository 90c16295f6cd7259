// Inboxes, as admins manage them: WhatsApp numbers with their name, optional token and app secret,
// and who belongs to them. Tokens and secrets are write-only: nothing here ever returns one, only
// whether one is stored. Every change forgets the cached inbox lookups (../inboxes.ts).
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db, type Tx } from "../../db/client";
import { writeWithEvents } from "../../events/log";
import { ConflictError, NotFoundError } from "../errors";
import { releaseUnseenAssignments } from "../conversations/assignment";
import { recordAccessChanged } from "./access-event";
import type { ZCreateInbox, ZSetMembers, ZUpdateInbox } from "./input";
import { isUniqueViolation } from "./unique";
import { sealOrNull } from "../../secrets/sealed";
import { said, saidOf } from "@/shared/server-text";

export interface AdminInbox {
  id: string;
  name: string;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  hasAccessToken: boolean;
  hasAppSecret: boolean;
  businessAccountId: string | null;
  sendReadReceipts: boolean;
  sendTypingIndicator: boolean;
  autoAssign: boolean;
  memberIds: string[];
}

const inboxFields = {
  id: true,
  name: true,
  phoneNumberId: true,
  displayPhoneNumber: true,
  accessToken: true,
  appSecret: true,
  businessAccountId: true,
  sendReadReceipts: true,
  sendTypingIndicator: true,
  autoAssign: true,
  members: { select: { userId: true } },
} as const;

type InboxRow = {
  id: string;
  name: string;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  accessToken: string | null;
  appSecret: string | null;
  businessAccountId: string | null;
  sendReadReceipts: boolean;
  sendTypingIndicator: boolean;
  autoAssign: boolean;
  members: { userId: string }[];
};

/** The one place an inbox row leaves the server: secrets become booleans here. */
function toAdminInbox({ accessToken, appSecret, members, ...rest }: InboxRow): AdminInbox {
  return { ...rest, hasAccessToken: accessToken !== null, hasAppSecret: appSecret !== null, memberIds: members.map((member) => member.userId) };
}

export async function listInboxes(): Promise<AdminInbox[]> {
  const rows = await db().read.inbox.findMany({ select: inboxFields, orderBy: [{ name: "asc" }, { phoneNumberId: "asc" }] });
  return rows.map(toAdminInbox);
}

const numberTaken = (phoneNumberId: string, by: string) =>
  new ConflictError(saidOf("phoneNumberId", "phoneNumberIdTaken", { phoneNumberId, inbox: by }));

async function refuseTakenNumber(tx: Tx, phoneNumberId: string, exceptId: string | null): Promise<void> {
  const other = await tx.inbox.findUnique({ where: { phoneNumberId }, select: { id: true, name: true } });
  if (other && other.id !== exceptId) throw numberTaken(phoneNumberId, other.name);
}

/** Runs an inbox write, and answers a lost race for the phone number as a conflict. */
async function inboxWrite<T>(phoneNumberId: string, work: Parameters<typeof writeWithEvents<T>>[0]): Promise<T> {
  try {
    return await writeWithEvents(work);
  } catch (error) {
    throw isUniqueViolation(error) ? numberTaken(phoneNumberId, "another inbox") : error;
  }
}

export function createInbox(input: z.output<typeof ZCreateInbox>): Promise<AdminInbox> {
  return inboxWrite(input.phoneNumberId, async (tx) => {
    await refuseTakenNumber(tx, input.phoneNumberId, null);
    const row = await tx.inbox.create({
      data: {
        id: randomUUID(),
        name: input.name,
        phoneNumberId: input.phoneNumberId,
        displayPhoneNumber: input.displayPhoneNumber ?? null,
        // Sealed: the database never holds them in clear (secrets/sealed.ts).
        accessToken: sealOrNull(input.accessToken) ?? null,
        appSecret: sealOrNull(input.appSecret) ?? null,
        businessAccountId: input.businessAccountId ?? null,
        sendReadReceipts: input.sendReadReceipts,
        sendTypingIndicator: input.sendTypingIndicator,
        autoAssign: input.autoAssign,
      },
      select: inboxFields,
    });
    return toAdminInbox(row);
  });
}

export function updateInbox(input: z.output<typeof ZUpdateInbox>): Promise<AdminInbox> {
  return inboxWrite(input.phoneNumberId, async (tx) => {
    if (!(await tx.inbox.findUnique({ where: { id: input.id }, select: { id: true } }))) throw new NotFoundError(said("noSuchInbox"));
    await refuseTakenNumber(tx, input.phoneNumberId, input.id);
    const row = await tx.inbox.update({
      where: { id: input.id },
      data: {
        name: input.name,
        phoneNumberId: input.phoneNumberId,
        // undefined leaves a field as it is (Prisma skips it); null clears it.
        displayPhoneNumber: input.displayPhoneNumber,
        accessToken: sealOrNull(input.accessToken),
        appSecret: sealOrNull(input.appSecret),
        businessAccountId: input.businessAccountId,
        sendReadReceipts: input.sendReadReceipts,
        sendTypingIndicator: input.sendTypingIndicator,
        autoAssign: input.autoAssign,
      },
      select: inboxFields,
    });
    // Turned off: nothing waits any more (turned on again, only new arrivals are handed out).
    if (input.autoAssign === false) {
      await tx.conversation.updateMany({
        where: { inboxId: input.id, awaitingAssignmentSince: { not: null } },
        data: { awaitingAssignmentSince: null },
      });
    }
    return toAdminInbox(row);
  });
}

/** Makes `userIds` the inbox's members; everyone added or removed is told their access changed. */
export async function setMembers({ inboxId, userIds }: z.output<typeof ZSetMembers>): Promise<AdminInbox> {
  const wanted = new Set(userIds);
  return writeWithEvents(async (tx, record) => {
    const inbox = await tx.inbox.findUnique({ where: { id: inboxId }, select: inboxFields });
    if (!inbox) throw new NotFoundError(said("noSuchInbox"));
    if ((await tx.user.count({ where: { id: { in: [...wanted] } } })) !== wanted.size) throw new NotFoundError(said("personNotFound"));
    const current = new Set(inbox.members.map((member) => member.userId));
    const added = [...wanted].filter((userId) => !current.has(userId));
    const removed = [...current].filter((userId) => !wanted.has(userId));
    if (removed.length > 0) await tx.inboxMember.deleteMany({ where: { inboxId, userId: { in: removed } } });
    for (const userId of added) await tx.inboxMember.create({ data: { inboxId, userId } });
    for (const userId of removed) await releaseUnseenAssignments(tx, record, userId);
    for (const userId of [...added, ...removed]) await recordAccessChanged(record, userId);
    const row = await tx.inbox.findUniqueOrThrow({ where: { id: inboxId }, select: inboxFields });
    return toAdminInbox(row);
  });
}
