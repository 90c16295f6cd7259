// Recovery codes: one-time codes that stand in for the authenticator app when the phone is lost.
// Each is 16 characters of Crockford's base32 (80 random bits), shown once as "abcd-efgh-jkmn-pqrs"
// and stored only as a SHA-256 hash: with that much randomness a slow hash adds nothing, and one
// lookup by hash finds the code. The user's id is hashed in, so equal codes of two people differ.
import { createHash, randomInt, randomUUID } from "node:crypto";
import { db, type ReadClient, type Tx } from "../db/client";
import { RECOVERY_CODE_COUNT } from "@/shared/two-factor";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 16;

function newCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return chars.join("").toLowerCase().replace(/(.{4})(?!$)/g, "$1-");
}

/** As typed: any case, with or without dashes and spaces; O, I and L read as Crockford reads them. */
function normalise(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

const hashOf = (userId: string, code: string) => createHash("sha256").update(`${userId}:${normalise(code)}`).digest("hex");

/** A fresh set of codes for `userId`; every earlier code stops working. Returns them, to show once. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ id: randomUUID(), userId, codeHash: hashOf(userId, code) })) });
  return codes;
}

export async function deleteRecoveryCodes(tx: Tx, userId: string): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
}

/** Spends the code if it is one of the user's unused ones. One conditional update: it works once. */
export async function spendRecoveryCode(userId: string, code: string): Promise<boolean> {
  const normalised = normalise(code);
  if (normalised.length !== LENGTH || [...normalised].some((char) => !ALPHABET.includes(char))) return false;
  const codeHash = hashOf(userId, normalised);
  const { count } = await db().transaction((tx) =>
    tx.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: new Date() } }),
  );
  return count === 1;
}

export const recoveryCodesLeft = (userId: string, client: ReadClient | Tx = db().read): Promise<number> =>
  client.recoveryCode.count({ where: { userId, usedAt: null } });
