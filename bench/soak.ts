// `npm run bench:soak`: a long run against one server (production build, fake Graph API on
// loopback): SOAK_SUBSCRIBERS raw subscribers that drop and resume at random, webhooks at
// SOAK_WEBHOOKS_PER_SECOND, replies flowing through the outbox worker. Samples the server's RSS
// every 30 s, then checks that every subscriber got every message exactly once and every reply
// was sent once. Bounded in time (BENCH_SOAK_MINUTES, 30) and count; stops by itself.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { latestEventId, connect } from "../testing/trpc";
import { sleep, waitFor } from "../testing/wait";
import { textMessage } from "../testing/webhook";
import { DeliveryLedger } from "./delivery-ledger";
import { knob } from "./knobs";
import { createConversations } from "./outbound";
import { withGraphServer, stopAll } from "./servers";
import { soakSubscriber } from "./soak-subscriber";
import { table } from "./stats";
import { rssKb, switchboardTarget } from "./targets";

const MINUTES = knob("BENCH_SOAK_MINUTES", 30, 1, 120);
const SUBSCRIBERS = knob("SOAK_SUBSCRIBERS", 1000, 1, 5000);
const RATE = knob("SOAK_WEBHOOKS_PER_SECOND", 50, 1, 500);
const REPLIES_PER_SECOND = 2;
const DROPS_PER_SECOND = Math.max(1, Math.round(SUBSCRIBERS / 100));

async function main() {
  const result = await withGraphServer("soak", 1000, async (server, cookie, graph) => {
    const target = switchboardTarget(server, cookie);
    const conversations = await createConversations(server, cookie, 20);
    const total = RATE * MINUTES * 60;
    const prefix = `soak-${randomUUID().slice(0, 8)}-`;
    const ledger = new DeliveryLedger(prefix, total, SUBSCRIBERS);
    const errors = new Set<string>();
    let failedPosts = 0;
    const start = await latestEventId(server.url, cookie);
    const subscribers = Array.from({ length: SUBSCRIBERS }, (_, index) =>
      soakSubscriber({
        url: server.url,
        cookie,
        lastEventId: start,
        localAddress: "127.0.0.2",
        onBody: (body) => void ledger.record(index, body),
        onError: (message) => errors.size < 10 && errors.add(message),
      }),
    );
    await waitFor(() => subscribers.every((subscriber) => subscriber.connected()), "every soak subscriber live", 120_000);

    const { client, close } = connect(server.url, { cookie });
    const replyIds = new Set<string>();
    const samples: { minute: number; rssMb: number }[] = [];
    const started = performance.now();
    let posted = 0;
    let nextSample = 0;
    while (posted < total && performance.now() - started < (MINUTES * 60 + 120) * 1000) {
      const elapsed = (performance.now() - started) / 1000;
      if (elapsed >= nextSample) {
        samples.push({ minute: Math.round(elapsed / 6) / 10, rssMb: Math.round(rssKb(server.pid) / 1024) });
        nextSample += 30;
      }
      for (; posted < Math.min(total, Math.floor(elapsed * RATE)); posted++) {
        const payload = textMessage({ from: String(15550600000 + (posted % 200)), name: "Soak", text: `${prefix}${posted}` });
        void target.post(payload).then(
          ({ status, stored }) => (status !== 200 || stored !== 1) && failedPosts++,
          () => failedPosts++,
        );
      }
      if (Math.random() < REPLIES_PER_SECOND / 10) {
        const id = randomUUID();
        replyIds.add(id);
        void client.message.send.mutate({ conversationId: conversations[replyIds.size % conversations.length]!, id, body: `soak reply ${replyIds.size}` });
      }
      for (let drop = 0; drop < DROPS_PER_SECOND / 10; drop++) {
        if (Math.random() < 0.5) subscribers[Math.floor(Math.random() * SUBSCRIBERS)]!.drop(Math.random() * 3000);
      }
      await sleep(100);
    }
    samples.push({ minute: Math.round((performance.now() - started) / 6000) / 10, rssMb: Math.round(rssKb(server.pid) / 1024) });
    await waitFor(() => ledger.firstSeen >= (posted - failedPosts) * SUBSCRIBERS, "", 120_000).catch(() => undefined);
    await waitFor(() => graph.sentMessageIds().filter((id) => replyIds.has(id)).length >= replyIds.size, "", 60_000).catch(() => undefined);
    close();
    subscribers.forEach((subscriber) => subscriber.close());
    const sent = graph.sentMessageIds().filter((id) => replyIds.has(id));
    return {
      minutes: MINUTES,
      subscribers: SUBSCRIBERS,
      webhooks: posted,
      failedPosts,
      missing: ledger.missing(0, posted),
      duplicates: ledger.duplicates(),
      replies: replyIds.size,
      repliesSent: new Set(sent).size,
      repliesSentTwice: sent.length - new Set(sent).size,
      samples,
      errors: [...errors],
    };
  });

  const warm = result.samples.find((sample) => sample.minute >= Math.min(5, MINUTES / 3)) ?? result.samples[0]!;
  const last = result.samples.at(-1)!;
  console.log(`\nSoak: ${result.minutes} min, ${result.subscribers} subscribers dropping and resuming at random, ${RATE} webhooks/s, replies flowing`);
  console.log(table([["minute", "server RSS"], ...result.samples.map((sample) => [String(sample.minute), `${sample.rssMb} MB`])]));
  console.log(table([
    ["figure", "value"],
    ["webhooks posted / failed", `${result.webhooks} / ${result.failedPosts}`],
    ["missing (message, subscriber) pairs / duplicates", `${result.missing} / ${result.duplicates}`],
    ["replies queued / sent / sent twice", `${result.replies} / ${result.repliesSent} / ${result.repliesSentTwice}`],
    [`RSS after warm-up (minute ${warm.minute}) → end`, `${warm.rssMb} → ${last.rssMb} MB (${(((last.rssMb - warm.rssMb) / warm.rssMb) * 100).toFixed(1)} %)`],
  ]));
  for (const error of result.errors) console.log(`  error: ${error}`);
  console.log(`SOAK_RESULT ${JSON.stringify({ date: new Date().toISOString(), ...result })}`);
  return result.failedPosts === 0 && result.missing === 0 && result.duplicates === 0 && result.repliesSentTwice === 0 && result.repliesSent === result.replies;
}

const watchdog = setTimeout(() => void stopAll().finally(() => process.exit(1)), (MINUTES + 10) * 60_000);
watchdog.unref();
main()
  .then((ok) => process.exit(ok ? 0 : 1))
  .catch((error: unknown) => {
    console.error("soak failed:", error);
    void stopAll().finally(() => process.exit(1));
  });
