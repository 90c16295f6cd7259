import bcrypt from "bcryptjs";

const COST = 10;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

let unusable: Promise<string> | undefined;

/** A hash of the same cost that no typed password matches, to check against when there is no user. */
export const unusableHash = (): Promise<string> => (unusable ??= hashPassword(`unusable-${crypto.randomUUID()}`));
