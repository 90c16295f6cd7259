// No stalls: one delivery of many messages (WhatsApp batches up to 1,000 per delivery) stored while
// a health probe asks every 10 ms. The longest probe answer is how long the process could not
// answer anything else; the delivery's own answer time is printed beside it.
import { performance } from "node:perf_hooks";
import type { RunningServer } from "../testing/server";
import { newWamid, postWebhook, textMessage } from "../testing/webhook";
import { inboundTextDelivery } from "../src/server/demo/webhook-payloads";
import { sleep } from "../testing/wait";
import { summarize, type Summary } from "./stats";

export interface StallResult {
  messages: number;
  bodyBytes: number;
  deliveryMs: number;
  stored: number;
  probes: Summary;
  /** The longest gap between two probe answers while the delivery was being stored. */
  longestGapMs: number;
}

const PROBE_EVERY_MS = 10;

export async function runStall(server: RunningServer, messages: number): Promise<StallResult> {
  // Warm the route and the database first, so the figures are about the delivery.
  await postWebhook(server.url, server.appSecret, textMessage({ text: "warm-up" }));
  const delivery = inboundTextDelivery({
    phoneNumberId: "200000000000002",
    from: "15550190000",
    name: "Stall Bench",
    messages: Array.from({ length: messages }, (_, index) => ({ text: `stall ${index}`, wamid: newWamid() })),
  });
  const probes: number[] = [];
  const answeredAt: number[] = [];
  let storing = true;
  const probing = (async () => {
    for (let round = 0; storing && round < 30_000; round++) {
      const started = performance.now();
      await fetch(`${server.url}/api/health`).then((response) => response.arrayBuffer());
      const now = performance.now();
      probes.push(now - started);
      answeredAt.push(now);
      await sleep(Math.max(0, PROBE_EVERY_MS - (now - started)));
    }
  })();
  await sleep(50);
  const started = performance.now();
  const response = await postWebhook(server.url, server.appSecret, delivery);
  const deliveryMs = performance.now() - started;
  const body = (await response.json()) as { messagesStored?: number };
  storing = false;
  await probing;
  const during = answeredAt.filter((at) => at >= started && at <= started + deliveryMs + 1_000);
  const gaps = during.slice(1).map((at, index) => at - during[index]!);
  return {
    messages,
    bodyBytes: Buffer.byteLength(JSON.stringify(delivery)),
    deliveryMs,
    stored: body.messagesStored ?? 0,
    probes: summarize(probes),
    longestGapMs: Math.max(0, ...gaps, during.length === 0 ? deliveryMs : 0),
  };
}
