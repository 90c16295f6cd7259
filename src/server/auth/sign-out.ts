// Signing out ends that session everywhere, at once: the token is recorded as revoked (checked on
// every request and socket, ./session-user.ts), and an `access.changed` event makes every process
// re-check the user's open sockets and streams, which closes the ones of this session. The user's
// other sessions (another browser) go on.
import { writeWithEvents } from "../events/log";

/** How long a revoked session must be remembered: as long as its token could still be presented. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function revokeSession(userId: string, signedInAt: number): Promise<void> {
  const forgetBefore = new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000);
  await writeWithEvents(async (tx, record) => {
    await tx.revokedSession.deleteMany({ where: { revokedAt: { lt: forgetBefore } } });
    await tx.revokedSession.upsert({
      where: { userId_signedInAt: { userId, signedInAt: BigInt(signedInAt) } },
      create: { userId, signedInAt: BigInt(signedInAt) },
      update: {},
    });
    await record({ inboxId: null, conversationId: null, userId }, { type: "access.changed", userId });
  });
}
