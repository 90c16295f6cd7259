// What admins decide about two-factor sign-in: whether everyone must use it, and turning it off for
// someone who lost their phone (they set it up again at their next sign-in if it is required).
import { deleteRecoveryCodes } from "../../auth/recovery-codes";
import { isTwoFactorRequired, saveTwoFactorRequired } from "../../auth/two-factor-policy";
import { clearTwoFactor, readTwoFactor } from "../../auth/two-factor-store";
import { writeWithEvents } from "../../events/log";
import { ConflictError } from "../errors";
import { recordAccessChanged } from "./access-event";
import { findPerson, personFields, toPerson, type AdminPerson } from "./people";
import { said } from "@/shared/server-text";

export interface SecuritySettings {
  twoFactorRequired: boolean;
}

export const securitySettings = async (): Promise<SecuritySettings> => ({ twoFactorRequired: await isTwoFactorRequired() });

/**
 * An admin who requires it must use it: otherwise their own next step would be locked. Requiring
 * it changes the access of everyone without it (every procedure now refuses them), so each of them
 * is told, in the same transaction: their open sockets close at once rather than keep streaming.
 */
export async function setTwoFactorRequired(actorId: string, required: boolean): Promise<SecuritySettings> {
  if (required && !(await readTwoFactor(actorId))?.enabledAt) {
    throw new ConflictError(said("enableOwnTwoFactorFirst"));
  }
  await writeWithEvents(async (tx, record) => {
    await saveTwoFactorRequired(tx, required);
    if (!required) return;
    const locked = await tx.user.findMany({ where: { active: true, totpEnabledAt: null }, select: { id: true } });
    for (const user of locked) await recordAccessChanged(record, user.id);
  });
  return { twoFactorRequired: required };
}

/**
 * Turns someone's two-factor sign-in off and ends every session they have, like a password reset:
 * whoever holds the lost phone or a session should not keep it.
 */
export async function resetTwoFactor(userId: string): Promise<AdminPerson> {
  return writeWithEvents(async (tx, record) => {
    const person = await findPerson(tx, userId);
    if (!person.twoFactor) throw new ConflictError(said("personWithoutTwoFactor", { name: person.name }));
    await clearTwoFactor(tx, userId);
    await deleteRecoveryCodes(tx, userId);
    const row = await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: new Date() }, select: personFields });
    await recordAccessChanged(record, userId);
    return toPerson(row);
  });
}
