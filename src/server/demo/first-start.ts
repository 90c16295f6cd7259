// What ws-server.ts does for the demo once it listens: tell the demo features the server's own
// URL, and on the first start of a fresh demo database fill the inbox with sample conversations —
// through the signed webhook, like any customer message — so a newcomer sees a live inbox at once.
import { DEMO_USERS } from "./demo-users";
import { db } from "../db/client";
import { env } from "../env";
import { logger } from "../logger";
import { isDemoMode } from "../whatsapp/graph-target";
import { registerAppUrl } from "./app-url";
import { writeAsCustomer } from "./customer";
import { SAMPLE_CONVERSATIONS } from "./sample-conversations";
import { unixSeconds } from "./webhook-payloads";

/** Call once the server listens, with a URL this process can reach it on (localAppUrl). */
export async function prepareDemo(ownUrl: string): Promise<void> {
  registerAppUrl(ownUrl);
  if (!isDemoMode() || env().DEMO_SEED === "0") return;
  try {
    if (!(await isFreshDemoDatabase())) return;
    await seedSampleConversations();
    logger.info("demo mode: sample conversations added", { count: SAMPLE_CONVERSATIONS.length });
  } catch (error) {
    // A demo nicety: the server is useful without it, so a failure is reported, not fatal.
    logger.warn("demo mode: could not add the sample conversations", { error: String(error) });
  }
}

/**
 * The demo users were created (not a configured admin) and nothing has happened yet: the event log
 * is empty. After the seed it is not, so a restart never seeds twice.
 */
async function isFreshDemoDatabase(): Promise<boolean> {
  const read = db().read;
  const demoAdmin = await read.user.findUnique({ where: { email: DEMO_USERS[0].email }, select: { id: true } });
  return demoAdmin !== null && (await read.event.count()) === 0;
}

async function seedSampleConversations(now = Date.now()): Promise<void> {
  for (const sample of SAMPLE_CONVERSATIONS) {
    const messages = sample.messages.map(({ text, minutesAgo }) => ({ text, timestamp: unixSeconds(now - minutesAgo * 60_000) }));
    await writeAsCustomer(sample.customer, messages);
  }
}
