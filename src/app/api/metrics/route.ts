import { liveHub } from "@/server/live/hub";
import { renderMetrics } from "@/server/metrics";
import { countJobsByState } from "@/server/outbox/jobs";

export const dynamic = "force-dynamic";

export async function GET() {
  const jobs = await countJobsByState();
  const body = renderMetrics({
    switchboard_live_subscriptions: { help: "Open live-event subscriptions", value: liveHub().size() },
    switchboard_outbox_queued: { help: "Replies waiting to be sent (including retries)", value: jobs.queued + jobs.sending },
    switchboard_outbox_failed: { help: "Replies that failed and wait for a person to retry", value: jobs.failed },
    switchboard_outbox_in_doubt: { help: "Replies whose send got no answer; WhatsApp may have them", value: jobs.in_doubt },
  });
  return new Response(body, { headers: { "content-type": "text/plain; version=0.0.4" } });
}
