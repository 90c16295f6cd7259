// The second step of signing in, and of anything else that asks for "a current code": a TOTP code
// from the authenticator app, accepted once (its time step is recorded), or an unused recovery
// code, spent by using it.
import { isTotpCode } from "@/shared/two-factor";
import { spendRecoveryCode } from "./recovery-codes";
import { totpStepOf } from "./totp";
import { claimTimeStep, readTwoFactor } from "./two-factor-store";

export type SecondFactor = "not-needed" | "missing" | "accepted" | "refused";

/** Spends `code` for a user whose two-factor sign-in is on; false when it is wrong or used. */
export async function spendCode(userId: string, secret: string, code: string): Promise<boolean> {
  if (isTotpCode(code)) {
    const step = await totpStepOf(secret, code);
    return step !== null && (await claimTimeStep(userId, step));
  }
  return spendRecoveryCode(userId, code);
}

/** What sign-in needs next from a user whose password was right. */
export async function checkSecondFactor(userId: string, code: string | undefined): Promise<SecondFactor> {
  const state = await readTwoFactor(userId);
  if (!state?.enabledAt || !state.secret) return "not-needed";
  const typed = code?.trim() ?? "";
  if (!typed) return "missing";
  return (await spendCode(userId, state.secret, typed)) ? "accepted" : "refused";
}
