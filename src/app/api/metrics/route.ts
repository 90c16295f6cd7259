import { bus } from "@/server/bus";
import { renderMetrics } from "@/server/metrics";

export const dynamic = "force-dynamic";

export function GET() {
  const body = renderMetrics({
    switchboard_live_subscriptions: { help: "Open live-event subscriptions", value: bus().subscriberCount() },
  });
  return new Response(body, { headers: { "content-type": "text/plain; version=0.0.4" } });
}
