// How fast the webhook route answers when it stores nothing: the same senders as the ingest phase
// (bench/compare-ingest.ts), every delivery signed with a secret the server does not know, so each
// is read, checked against the inbox's app secret and refused with a 401. What is left is Next's
// request and response path around the route (an API route: src/pages/api/webhooks/whatsapp.ts),
// the ceiling for any ingest through Next on this machine; the stored rate is read against it.
import { textMessage } from "../testing/webhook";
import type { CompareIngestOptions } from "./compare-ingest";
import { benchCustomer, runSenders, warmUpSenders } from "./load/senders";
import { summarize, type Summary } from "./stats";
import type { SwitchboardTarget } from "./targets";

export interface RefusedIngestResult {
  concurrency: number;
  /** Answered 401, as a forged delivery must be. */
  refused: number;
  /** Anything else: an error, a timeout, or (wrongly) an acceptance. */
  unexpected: number;
  refusedPerSecond: number;
  response: Summary;
}

export async function refusedIngest(
  target: SwitchboardTarget,
  options: Pick<CompareIngestOptions, "concurrency" | "durationMs" | "maxMessages" | "contacts" | "warmUpMs">,
): Promise<RefusedIngestResult> {
  let refused = 0;
  let unexpected = 0;
  const payloadOf = (index: number) => textMessage({ ...benchCustomer(index, options.contacts), text: `bench-refused-${index}` });
  await warmUpSenders(options, options.warmUpMs, payloadOf, (payload) => target.postForged(payload).catch(() => 0));
  const { seconds, responses } = await runSenders(options, payloadOf, async (payload) => {
    const status = await target.postForged(payload).catch(() => 0);
    if (status === 401) refused++;
    else unexpected++;
  });
  return { concurrency: options.concurrency, refused, unexpected, refusedPerSecond: refused / seconds, response: summarize(responses) };
}
