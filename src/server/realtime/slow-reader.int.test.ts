// A client that stops reading cannot make the server hold more than LIVE_MAX_BUFFERED_BYTES for
// it: its subscription is cut — also while it keeps sending pings — while a client that reads goes
// on receiving everything.
import { expect, it } from "vitest";
import { collectFromNow } from "../../../testing/live";
import { openStalledSubscription } from "../../../testing/stalled-socket";
import { testApp } from "../../../testing/test-app";
import { connect, latestEventId } from "../../../testing/trpc";
import { sleep, waitFor } from "../../../testing/wait";
import { inboundTextDelivery } from "../demo/webhook-payloads";
import { postWebhook } from "../../../testing/webhook";

const app = testApp({ env: { LIVE_MAX_BUFFERED_BYTES: String(64 * 1024) }, signIn: ["agent"] });

const subscribers = async () => ((await (await fetch(`${app.server.url}/api/health`)).json()) as { subscribers: number }).subscribers;

it("cuts off a subscriber that stops reading, and keeps serving one that reads", async () => {
  const cookie = app.cookie("agent");
  const reader = connect(app.server.url, { cookie });
  const collected = await collectFromNow(reader);
  const stalled = await openStalledSubscription(app.server.port, cookie, await latestEventId(app.server.url, cookie));
  // This one never reads either, but keeps sending keep-alive pings all along.
  const pinging = await openStalledSubscription(app.server.port, cookie, await latestEventId(app.server.url, cookie), { pingEveryMs: 100 });
  await waitFor(async () => (await subscribers()) === 3, "all three subscriptions open");

  // Deliveries of 100 long messages each (~0.4 MB): every event is ~8 KB of frame for each socket.
  const long = "x".repeat(4000);
  let sent = 0;
  for (let delivery = 0; delivery < 40 && (await subscribers()) > 1; delivery++) {
    const messages = Array.from({ length: 100 }, (_, index) => ({ text: `${delivery}-${index} ${long}` }));
    const response = await postWebhook(app.server.url, app.server.appSecret, inboundTextDelivery({ phoneNumberId: "200000000000002", from: "15550008888", name: "Flood", messages }));
    expect(response.status).toBe(200);
    sent += messages.length;
    await sleep(50);
  }
  await waitFor(async () => (await subscribers()) === 1, "both stalled subscriptions cut off", 15_000);
  await collected.waitForCount(sent, 30_000);
  expect(collected.events.filter((event) => event.type === "message.created")).toHaveLength(sent);
  stalled.destroy();
  pinging.destroy();
  reader.close();
});
