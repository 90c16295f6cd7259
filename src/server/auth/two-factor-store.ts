// The one place that reads and writes a user's TOTP columns. The secret is stored sealed
// (../secrets/sealed.ts): a copy of the database must not be enough to make someone's codes.
//
// States: no secret (off); a secret without totpEnabledAt (enrolment begun, not yet confirmed with
// a code); a secret with totpEnabledAt (on). totpLastStep is the newest time step accepted, so a
// code is never accepted twice.
import { db, type ReadClient, type Tx } from "../db/client";
import { seal, unsealOrNull } from "../secrets/sealed";

export interface TwoFactorState {
  secret: string | null;
  enabledAt: Date | null;
  lastStep: number | null;
}

const fields = { totpSecret: true, totpEnabledAt: true, totpLastStep: true } as const;

export async function readTwoFactor(userId: string, client: ReadClient | Tx = db().read): Promise<TwoFactorState | null> {
  const row = await client.user.findUnique({ where: { id: userId }, select: fields });
  return row && { secret: unsealOrNull(row.totpSecret), enabledAt: row.totpEnabledAt, lastStep: row.totpLastStep };
}

/** Keeps a new secret for an enrolment under way; false when two-factor is already on. */
export async function savePendingSecret(tx: Tx, userId: string, secret: string): Promise<boolean> {
  const { count } = await tx.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpSecret: seal(secret), totpLastStep: null } });
  return count === 1;
}

/**
 * Turns on the pending secret, with the step of the code that confirmed it; false if that secret is
 * no longer the pending one. Compared opened (a sealed value differs at every sealing); the update
 * is conditional on the stored value read, so an enrolment restarted meanwhile is not turned on.
 */
export async function enableTwoFactor(tx: Tx, userId: string, secret: string, step: number): Promise<boolean> {
  const stored = await tx.user.findUnique({ where: { id: userId }, select: fields });
  if (!stored?.totpSecret || stored.totpEnabledAt || unsealOrNull(stored.totpSecret) !== secret) return false;
  const { count } = await tx.user.updateMany({
    where: { id: userId, totpEnabledAt: null, totpSecret: stored.totpSecret },
    data: { totpEnabledAt: new Date(), totpLastStep: step },
  });
  return count === 1;
}

/**
 * Records `step` as used, if it is newer than every step used before. One conditional update, so
 * two sign-ins racing with the same code cannot both win.
 */
export async function claimTimeStep(userId: string, step: number): Promise<boolean> {
  const { count } = await db().transaction((tx) =>
    tx.user.updateMany({
      where: { id: userId, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    }),
  );
  return count === 1;
}

export async function clearTwoFactor(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
}
