import { env } from "@/server/env";
import { liveHub } from "@/server/live/hub";
import { metricsRegistry, setStateGauges } from "@/server/metrics";
import { countJobsByState } from "@/server/outbox/jobs";
import { sameSecret } from "@/server/whatsapp/signature";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  // Metrics tell a lot about a deployment: only for a scraper holding METRICS_TOKEN, and off without one.
  const token = env().METRICS_TOKEN;
  if (!token) return Response.json({ error: "Metrics are off; set METRICS_TOKEN to turn them on" }, { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!sameSecret(given, token)) {
    return Response.json({ error: "Send Authorization: Bearer <METRICS_TOKEN>" }, { status: 401, headers: { "www-authenticate": "Bearer" } });
  }
  const jobs = await countJobsByState();
  // Read now rather than kept up to date: they are cheap to ask for and only wanted when scraped.
  setStateGauges({
    switchboard_live_subscriptions: liveHub().size(),
    switchboard_outbox_queued: jobs.queued + jobs.sending,
    switchboard_outbox_failed: jobs.failed,
    switchboard_outbox_in_doubt: jobs.in_doubt,
  });
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
