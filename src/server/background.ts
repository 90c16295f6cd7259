// What runs beside the request handlers once the server listens: in demo mode the simulated
// WhatsApp (started first, so the worker has somewhere to send), the outbox worker with the
// prefetch of customers' files, and the auto-assigner.
import { WEBHOOK_PATH } from "@/shared/webhook-path";
import { startSimulatedWhatsApp } from "./demo/simulated-whatsapp";
import { runAutoAssigner, stopAutoAssigner } from "./autoassign/assigner";
import { env } from "./env";
import { logger } from "./logger";
import { startMediaPrefetch } from "./media/prefetch-feed";
import { DEFAULT_WORKER_OPTIONS, OutboxWorker } from "./outbox/worker";
import { registerWorkerHealth } from "./outbox/worker-health";
import { isDemoMode, registerSimulatedGraph } from "./whatsapp/graph-target";

export interface BackgroundServices {
  stop(): Promise<void>;
}

/**
 * `appUrl` is where the simulator's webhooks go back to; `sendReplies` false for a web process
 * that leaves sending (and fetching customers' files) to dedicated workers (WORKER_IN_WEB=0).
 */
export async function startBackgroundServices(appUrl: string, sendReplies = true): Promise<BackgroundServices> {
  const config = env();
  let simulator: Awaited<ReturnType<typeof startSimulatedWhatsApp>> | null = null;
  if (isDemoMode() && config.WHATSAPP_APP_SECRET) {
    simulator = await startSimulatedWhatsApp({ webhookUrl: `${appUrl}${WEBHOOK_PATH}`, appSecret: config.WHATSAPP_APP_SECRET });
    registerSimulatedGraph({ baseUrl: simulator.baseUrl, accessToken: simulator.accessToken });
    logger.info("demo mode: replies go to the simulated WhatsApp", { baseUrl: simulator.baseUrl });
  }
  const worker = sendReplies
    ? new OutboxWorker({ ...DEFAULT_WORKER_OPTIONS, sendRatePerNumber: config.WHATSAPP_SEND_RATE, leaseMs: config.OUTBOX_LEASE_MS })
    : null;
  await worker?.start();
  registerWorkerHealth(worker ? () => worker.healthy() : undefined);
  // Background work like sending, so it goes where replies are sent.
  const stopPrefetch = worker ? startMediaPrefetch() : () => undefined;
  runAutoAssigner();
  return {
    async stop() {
      stopPrefetch();
      await stopAutoAssigner();
      registerWorkerHealth(undefined);
      await worker?.stop();
      await simulator?.stop();
      registerSimulatedGraph(undefined);
    },
  };
}
