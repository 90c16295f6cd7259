// People, as admins manage them: list, add, change role, deactivate or reactivate, reset a
// password. Every change to what someone may see or whether they may stay signed in records
// access.changed for them in the same transaction (./access-event.ts).
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { hashPassword } from "../../auth/password";
import { wakeAutoAssigner } from "../../autoassign/assigner";
import { db, type Tx } from "../../db/client";
import { writeWithEvents } from "../../events/log";
import type { Role } from "@/shared/dto";
import { ConflictError, NotFoundError } from "../errors";
import { releaseUnseenAssignments } from "../conversations/assignment";
import { recordAccessChanged } from "./access-event";
import type { ZCreatePerson } from "./input";
import { roleOrActiveChangeRefusal } from "./rules";
import { isUniqueViolation } from "./unique";
import { said, saidOf } from "@/shared/server-text";

export interface AdminPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  /** Whether they sign in with a second factor (an admin can turn it off for them: ./two-factor.ts). */
  twoFactor: boolean;
  /** Auto-assignment gives them no more open conversations than this (src/server/autoassign/). */
  maxOpenConversations: number;
}

export const personFields = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  totpEnabledAt: true,
  maxOpenConversations: true,
} as const;

type PersonRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  totpEnabledAt: Date | null;
  maxOpenConversations: number;
};

export function toPerson({ totpEnabledAt, ...row }: PersonRow): AdminPerson {
  return { ...row, role: row.role === "admin" ? "admin" : "agent", twoFactor: totpEnabledAt !== null };
}

export async function listPeople(): Promise<AdminPerson[]> {
  const rows = await db().read.user.findMany({ select: personFields, orderBy: [{ name: "asc" }, { email: "asc" }] });
  return rows.map(toPerson);
}

const emailTaken = (email: string) => new ConflictError(saidOf("email", "emailTaken", { email }));

export async function createPerson(input: z.output<typeof ZCreatePerson>): Promise<AdminPerson> {
  // Hashing is slow on purpose; do it before taking the write lock.
  const passwordHash = await hashPassword(input.password);
  try {
    return await writeWithEvents(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken(input.email);
      const row = await tx.user.create({
        data: { id: randomUUID(), name: input.name, email: input.email, role: input.role, passwordHash },
        select: personFields,
      });
      return toPerson(row);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? emailTaken(input.email) : error;
  }
}

export async function findPerson(tx: Tx, userId: string): Promise<AdminPerson> {
  const row = await tx.user.findUnique({ where: { id: userId }, select: personFields });
  if (!row) throw new NotFoundError(said("personNotFound"));
  return toPerson(row);
}

/** Changes role and/or active flag, within the rules of ./rules.ts. */
async function changePerson(actorId: string, userId: string, change: { role?: Role; active?: boolean }): Promise<AdminPerson> {
  return writeWithEvents(async (tx, record) => {
    const target = await findPerson(tx, userId);
    const next = { role: change.role ?? target.role, active: change.active ?? target.active };
    if (next.role === target.role && next.active === target.active) return target;
    const otherActiveAdmins = await tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
    const refusal = roleOrActiveChangeRefusal(actorId, target, next, otherActiveAdmins);
    if (refusal) throw new ConflictError(said(refusal));
    const row = await tx.user.update({ where: { id: userId }, data: next, select: personFields });
    await releaseUnseenAssignments(tx, record, userId);
    await recordAccessChanged(record, userId);
    return toPerson(row);
  });
}

export const setRole = (actorId: string, userId: string, role: Role) => changePerson(actorId, userId, { role });

export const setActive = (actorId: string, userId: string, active: boolean) => changePerson(actorId, userId, { active });

/** New password; every session the person had until now ends (their own sign-in included). */
export async function resetPassword(userId: string, password: string): Promise<AdminPerson> {
  const passwordHash = await hashPassword(password);
  return writeWithEvents(async (tx, record) => {
    await findPerson(tx, userId);
    const row = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionsValidAfter: new Date() },
      select: personFields,
    });
    await recordAccessChanged(record, userId);
    return toPerson(row);
  });
}

/**
 * How many open conversations auto-assignment may give them. Raising it may free them for a
 * waiting conversation at once, so this process's assigner runs a pass (no event says so).
 */
export async function setMaxOpenConversations(userId: string, maxOpenConversations: number): Promise<AdminPerson> {
  const person = await writeWithEvents(async (tx) => {
    await findPerson(tx, userId);
    return toPerson(await tx.user.update({ where: { id: userId }, data: { maxOpenConversations }, select: personFields }));
  });
  wakeAutoAssigner();
  return person;
}
