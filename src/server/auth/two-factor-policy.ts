// The rule "two-factor sign-in is required for everyone", in one place: an admin's setting, stored
// in the database (so every process sees a change at once), and the question every procedure and
// page asks — must this person set up two-factor sign-in before doing anything else?
import { db, type ReadClient, type Tx } from "../db/client";
import { readTwoFactorGate } from "../db/hot-reads";

const REQUIRED_KEY = "twoFactorRequired";

const isOn = (value: string | null | undefined) => value === "true";

export async function isTwoFactorRequired(client: ReadClient | Tx = db().read): Promise<boolean> {
  return isOn((await client.setting.findUnique({ where: { key: REQUIRED_KEY } }))?.value);
}

export async function saveTwoFactorRequired(tx: Tx, required: boolean): Promise<void> {
  const value = JSON.stringify(required);
  await tx.setting.upsert({ where: { key: REQUIRED_KEY }, create: { key: REQUIRED_KEY, value }, update: { value } });
}

/** True while two-factor sign-in is required and this user has not set it up. */
export async function mustEnrolTwoFactor(userId: string): Promise<boolean> {
  const gate = await readTwoFactorGate(userId, REQUIRED_KEY);
  return isOn(gate.setting) && !gate.enabled;
}
