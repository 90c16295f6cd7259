// Outbound throughput: replies queued with message.send over HTTP by `concurrency` clients, spread
// over `contacts` conversations, then sent by the server's outbox worker to a fake Graph API on
// loopback. Measures how fast replies are accepted, how fast the worker gets them to WhatsApp,
// and checks that each went out exactly once and that every "sent" reached a live subscriber.
// The fastest second of sends is reported too, to compare with the configured per-number rate.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { FakeGraph } from "../testing/fake-graph";
import type { RunningServer } from "../testing/server";
import { connect } from "../testing/trpc";
import { waitFor } from "../testing/wait";
import { postWebhook, textMessage } from "../testing/webhook";
import { startCpuMeter, summarize, type Summary } from "./stats";
import { openSubscribers } from "./subscribers";

export interface OutboundOptions {
  replies: number;
  contacts: number;
  concurrency: number;
  /** How long the worker may take to send everything after the last reply was queued. */
  drainTimeoutMs: number;
}

export interface OutboundResult {
  replies: number;
  contacts: number;
  concurrency: number;
  queued: number;
  failedSends: number;
  queueSeconds: number;
  queuedPerSecond: number;
  sendResponse: Summary;
  /** From the first reply queued to the last request WhatsApp received. */
  sentSeconds: number;
  sentPerSecond: number;
  /** The most sends WhatsApp received within any one second. */
  busiestSecond: number;
  delivered: number;
  sentTwice: number;
  sentEvents: number;
  clientCpu: number;
  errors: string[];
}

export async function runOutbound(
  server: RunningServer,
  cookie: string,
  graph: FakeGraph,
  options: OutboundOptions,
): Promise<OutboundResult> {
  const conversationIds = await createConversations(server, cookie, options.contacts);
  const ours = new Set<string>();
  let sentEvents = 0;
  const pool = await openSubscribers({
    url: server.url,
    cookie,
    count: 1,
    batchSize: 1,
    timeoutMs: 30_000,
    onEvent: (_subscriber, event) => {
      if (event.type === "message.status" && event.status === "sent" && ours.has(event.messageId)) sentEvents++;
    },
  });
  const { client, close } = connect(server.url, { cookie });
  const firstRequest = graph.requests.length;

  try {
    const responses: number[] = [];
    const sendErrors = new Set<string>();
    let next = 0;
    let failedSends = 0;
    const cpu = startCpuMeter();
    const started = performance.now();
    const startedAt = Date.now();
    const sender = async () => {
      while (next < options.replies) {
        const index = next++;
        const id = randomUUID();
        ours.add(id);
        const before = performance.now();
        try {
          await client.message.send.mutate({
            conversationId: conversationIds[index % conversationIds.length]!,
            id,
            body: `bench-out-${index}`,
          });
          responses.push(performance.now() - before);
        } catch (error) {
          failedSends++;
          if (sendErrors.size < 5) sendErrors.add(`message.send: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, sender));
    const queueSeconds = (performance.now() - started) / 1000;
    const clientCpu = cpu();
    const queued = options.replies - failedSends;

    const ourSends = () =>
      graph.requests
        .slice(firstRequest)
        .filter((request) => ours.has((request.body as { biz_opaque_callback_data?: string } | null)?.biz_opaque_callback_data ?? ""));
    const drained = await waitFor(() => ourSends().length >= queued && sentEvents >= queued, "", options.drainTimeoutMs).then(
      () => true,
      () => false,
    );

    const sends = ourSends();
    const ids = sends.map((request) => (request.body as { biz_opaque_callback_data: string }).biz_opaque_callback_data);
    const lastAt = sends.at(-1)?.receivedAt ?? Date.now();
    const sentSeconds = (lastAt - startedAt) / 1000;
    return {
      replies: options.replies,
      contacts: options.contacts,
      concurrency: options.concurrency,
      queued,
      failedSends,
      queueSeconds,
      queuedPerSecond: queued / queueSeconds,
      sendResponse: summarize(responses),
      sentSeconds,
      sentPerSecond: new Set(ids).size / sentSeconds,
      busiestSecond: busiestSecond(sends.map((request) => request.receivedAt)),
      delivered: new Set(ids).size,
      sentTwice: ids.length - new Set(ids).size,
      sentEvents,
      clientCpu,
      errors: [
        ...sendErrors,
        ...(drained
          ? []
          : [`not drained within ${options.drainTimeoutMs / 1000} s: ${sends.length} of ${queued} replies reached the API, ${sentEvents} "sent" events seen`]),
        ...pool.errors(),
      ],
    };
  } finally {
    close();
    await pool.close();
  }
}

export async function createConversations(server: RunningServer, cookie: string, contacts: number): Promise<string[]> {
  const phones = Array.from({ length: contacts }, (_, index) => String(15550500000 + index));
  for (const from of phones) {
    const response = await postWebhook(server.url, server.appSecret, textMessage({ from, name: `Bench ${from}`, text: "hi" }));
    await response.arrayBuffer();
  }
  const { client, close } = connect(server.url, { cookie });
  try {
    const list = (await client.conversation.list.query()).items;
    const ids = list.filter((item) => phones.includes(item.contact.waId)).map((item) => item.id);
    // Fewer conversations would quietly change what is measured (the worker sends one per conversation at a time).
    if (ids.length !== contacts) throw new Error(`expected ${contacts} bench conversations, found ${ids.length}`);
    return ids;
  } finally {
    close();
  }
}

/** The largest number of timestamps (ms) inside any window of 1,000 ms. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
