import { bus } from "@/server/bus";
import { liveHub } from "@/server/live/hub";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = (await db().ping()) ? "ok" : "down";
  const eventBus = bus().healthy() ? "ok" : "down";
  const ok = database === "ok" && eventBus === "ok";
  return Response.json(
    { status: ok ? "ok" : "degraded", db: database, bus: eventBus, subscribers: liveHub().size() },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
