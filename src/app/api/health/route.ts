import { bus } from "@/server/bus";
import { liveHub } from "@/server/live/hub";
import { db } from "@/server/db/client";
import { workerHealth } from "@/server/outbox/worker-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = (await db().ping()) ? "ok" : "down";
  const eventBus = bus().healthy() ? "ok" : "down";
  // Only on a process that runs an outbox worker (every web process unless WORKER_IN_WEB=0).
  const worker = workerHealth();
  const ok = database === "ok" && eventBus === "ok" && worker !== "stalled";
  return Response.json(
    { status: ok ? "ok" : "degraded", db: database, bus: eventBus, ...(worker ? { worker } : {}), subscribers: liveHub().size() },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
