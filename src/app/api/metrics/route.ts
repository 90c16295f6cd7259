import { liveHub } from "@/server/live/hub";
import { metricsRegistry, setStateGauges } from "@/server/metrics";
import { countJobsByState } from "@/server/outbox/jobs";

export const dynamic = "force-dynamic";

export async function GET() {
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
