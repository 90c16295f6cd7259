// `npm run worker`: the background work alone, no HTTP — the outbox worker sending replies (and,
// in demo mode, the simulated WhatsApp it sends them to). Any
// number may run beside the web processes (which run one each too), on PostgreSQL and Redis:
// jobs are claimed one worker at a time with a lease, and the send pace is shared through Redis.
import { closeBus } from "./src/server/bus";
import { bootstrap } from "./src/server/bootstrap";
import { closeDb } from "./src/server/db/client";
import { providerOf } from "./src/server/db/provider";
import { env, EnvError } from "./src/server/env";
import { keepLocalStatePrivate } from "./src/server/local-state";
import { logger } from "./src/server/logger";
import { setProcessRole } from "./src/server/metrics";
import { startBackgroundServices } from "./src/server/background";
import { isDemoMode } from "./src/server/whatsapp/graph-target";

async function main() {
  const config = env();
  if (providerOf(config.DATABASE_URL) === "sqlite") {
    // One SQLite file has one process: `npm start` already runs the worker.
    throw new EnvError("npm run worker needs a PostgreSQL DATABASE_URL (and REDIS_URL); on SQLite, npm start runs the worker itself");
  }
  keepLocalStatePrivate(config);
  setProcessRole("worker");
  // Migrations too: a worker may be the first process to start (the others wait for it).
  await bootstrap();
  // In demo mode the worker has a simulated WhatsApp of its own, whose status webhooks go to the
  // web processes' public address.
  if (isDemoMode() && !config.NEXTAUTH_URL) throw new EnvError("Invalid environment:\n  NEXTAUTH_URL: required for npm run worker in demo mode");
  const background = await startBackgroundServices(config.NEXTAUTH_URL ?? "");
  console.log(`Switchboard worker running (pid ${process.pid})`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info("worker shutting down", { signal });
    // Sends under way finish and record their outcome first.
    await background.stop();
    await closeBus();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : `Switchboard worker failed to start: ${String(error)}`);
  process.exit(1);
});
