// A person's own two-factor sign-in: see whether it is on, set it up (a new secret shown as a QR
// code, confirmed with a code from the app, then ten recovery codes shown once), turn it off (with
// the password or a current code).
import { verifyPassword } from "../../auth/password";
import { assertMayTry, recordFailure, TooManyAttemptsError } from "../../auth/sign-in-throttle";
import { deleteRecoveryCodes, recoveryCodesLeft, replaceRecoveryCodes } from "../../auth/recovery-codes";
import { spendCode } from "../../auth/second-factor";
import { newTotpSecret, qrCodeSvg, totpStepOf, totpUri } from "../../auth/totp";
import { isTwoFactorRequired } from "../../auth/two-factor-policy";
import { clearTwoFactor, enableTwoFactor, readTwoFactor, savePendingSecret } from "../../auth/two-factor-store";
import { db } from "../../db/client";
import { writeWithEvents } from "../../events/log";
import { ConflictError, InvalidRequestError, NotFoundError } from "../errors";
import { recordAccessChanged } from "../admin/access-event";
import { said, saidOf } from "@/shared/server-text";

export interface TwoFactorStatus {
  enabled: boolean;
  /** An admin requires it for everyone: it cannot be left off. */
  required: boolean;
  recoveryCodesLeft: number;
}

export interface TwoFactorSetup {
  secret: string;
  uri: string;
  qrSvg: string;
}

const WRONG_CODE = saidOf("authCode", "wrongCode");

export async function twoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const [state, required, left] = await Promise.all([readTwoFactor(userId), isTwoFactorRequired(), recoveryCodesLeft(userId)]);
  if (!state) throw new NotFoundError(said("personNotFound"));
  return { enabled: state.enabledAt !== null, required, recoveryCodesLeft: state.enabledAt ? left : 0 };
}

/** A new secret for the authenticator app. Beginning again replaces one not yet confirmed. */
export async function beginTwoFactorSetup(user: { id: string; email: string }): Promise<TwoFactorSetup> {
  const secret = newTotpSecret();
  const saved = await db().transaction((tx) => savePendingSecret(tx, user.id, secret));
  if (!saved) throw new ConflictError(said("twoFactorAlreadyOn"));
  const uri = totpUri(user.email, secret);
  return { secret, uri, qrSvg: await qrCodeSvg(uri) };
}

/**
 * Turns it on once the app shows a code for the pending secret, and returns the recovery codes to
 * show once. Sessions that began before this one end: one signed in with a stolen password is out.
 */
export async function confirmTwoFactorSetup(userId: string, signedInAt: number | null, code: string): Promise<{ recoveryCodes: string[] }> {
  const state = await readTwoFactor(userId);
  if (!state?.secret || state.enabledAt) throw new ConflictError(said("setupNotUnderWay"));
  const step = await totpStepOf(state.secret, code);
  if (step === null) throw new InvalidRequestError(WRONG_CODE);
  return writeWithEvents(async (tx, record) => {
    if (!(await enableTwoFactor(tx, userId, state.secret!, step))) throw new ConflictError(said("setupChanged"));
    const recoveryCodes = await replaceRecoveryCodes(tx, userId);
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionsValidAfter: true } });
    if (signedInAt !== null && (before.sessionsValidAfter?.getTime() ?? 0) < signedInAt) {
      await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: new Date(signedInAt) } });
      await recordAccessChanged(record, userId);
    }
    return { recoveryCodes };
  });
}

/**
 * Turns it off, proven with the password or a current code, so an open session left on someone
 * else's screen is not enough. Wrong guesses count against the account like wrong sign-ins.
 */
export async function disableTwoFactor(user: { id: string; email: string }, proof: { password?: string; code?: string }): Promise<TwoFactorStatus> {
  try {
    return await disableWithProof(user, proof);
  } catch (error) {
    if (!(error instanceof TooManyAttemptsError)) throw error;
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    throw new InvalidRequestError(said("tooManyAttempts", { minutes }));
  }
}

async function disableWithProof({ id: userId, email }: { id: string; email: string }, proof: { password?: string; code?: string }) {
  // The throttle's second key is a client address; a signed-in person is known by their account.
  const throttleKey = `user:${userId}`;
  await assertMayTry(email, throttleKey);
  const [state, user] = await Promise.all([readTwoFactor(userId), db().read.user.findUnique({ where: { id: userId }, select: { passwordHash: true } })]);
  if (!state || !user) throw new NotFoundError(said("personNotFound"));
  if (!state.enabledAt || !state.secret) throw new ConflictError(said("twoFactorAlreadyOff"));
  const proven = proof.password
    ? await verifyPassword(proof.password, user.passwordHash)
    : proof.code !== undefined && (await spendCode(userId, state.secret, proof.code));
  if (!proven) {
    await recordFailure(email, throttleKey);
    throw new InvalidRequestError(proof.password ? saidOf("password", "wrongPassword") : WRONG_CODE);
  }
  await db().transaction(async (tx) => {
    await clearTwoFactor(tx, userId);
    await deleteRecoveryCodes(tx, userId);
  });
  return twoFactorStatus(userId);
}
