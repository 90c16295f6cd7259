// At every start: secrets stored in clear before sealing existed are sealed in place, and every
// sealed one must open with the configured key. A wrong or lost DATA_ENCRYPTION_KEY stops the start
// with a message naming it, rather than every webhook failing its signature check later.
import { db } from "../db/client";
import { EnvError } from "../env";
import { logger } from "../logger";
import { isSealed, seal, unseal, UnsealError } from "./sealed";

const INBOX_SECRETS = ["accessToken", "appSecret"] as const;

export async function sealStoredSecrets(): Promise<void> {
  const inboxes = await db().read.inbox.findMany({ select: { id: true, name: true, accessToken: true, appSecret: true } });
  let sealed = 0;
  for (const inbox of inboxes) {
    for (const field of INBOX_SECRETS) {
      const stored = inbox[field];
      if (stored === null) continue;
      if (isSealed(stored)) {
        assertOpens(stored, `the ${field} of inbox "${inbox.name}"`);
        continue;
      }
      // Only if still the same plaintext: another process starting at once may have sealed it.
      await db().transaction((tx) => tx.inbox.updateMany({ where: { id: inbox.id, [field]: stored }, data: { [field]: seal(stored) } }));
      sealed++;
    }
  }
  // Two-factor secrets are sealed from the start (auth/two-factor-store.ts); each must still open.
  const users = await db().read.user.findMany({ where: { totpSecret: { not: null } }, select: { email: true, totpSecret: true } });
  for (const user of users) if (user.totpSecret) assertOpens(user.totpSecret, `the two-factor secret of ${user.email}`);
  if (sealed > 0) logger.info("secrets stored in clear were sealed", { count: sealed });
}

function assertOpens(stored: string, what: string): void {
  try {
    unseal(stored);
  } catch (error) {
    if (!(error instanceof UnsealError)) throw error;
    throw new EnvError(`Invalid environment:\n  DATA_ENCRYPTION_KEY: does not open ${what}, stored in the database; start with the key it was sealed with`);
  }
}
