// What runs beside the request handlers once the server listens: in demo mode the simulated
// WhatsApp (started first, so the worker has somewhere to send), and the outbox worker.
import { startSimulatedWhatsApp } from "./demo/simulated-whatsapp";
import { env } from "./env";
import { logger } from "./logger";
import { DEFAULT_WORKER_OPTIONS, OutboxWorker } from "./outbox/worker";
import { isDemoMode, registerSimulatedGraph } from "./whatsapp/graph-target";

export interface BackgroundServices {
  stop(): Promise<void>;
}

/** `appUrl` is where this server listens, for the simulator's webhooks back to it. */
export async function startBackgroundServices(appUrl: string): Promise<BackgroundServices> {
  const config = env();
  let simulator: Awaited<ReturnType<typeof startSimulatedWhatsApp>> | null = null;
  if (isDemoMode() && config.WHATSAPP_APP_SECRET) {
    simulator = await startSimulatedWhatsApp({ webhookUrl: `${appUrl}/api/webhooks/whatsapp`, appSecret: config.WHATSAPP_APP_SECRET });
    registerSimulatedGraph({ baseUrl: simulator.baseUrl, accessToken: simulator.accessToken });
    logger.info("demo mode: replies go to the simulated WhatsApp", { baseUrl: simulator.baseUrl });
  }
  const worker = new OutboxWorker({ ...DEFAULT_WORKER_OPTIONS, sendRatePerNumber: config.WHATSAPP_SEND_RATE, leaseMs: config.OUTBOX_LEASE_MS });
  await worker.start();
  return {
    async stop() {
      await worker.stop();
      await simulator?.stop();
      registerSimulatedGraph(undefined);
    },
  };
}
