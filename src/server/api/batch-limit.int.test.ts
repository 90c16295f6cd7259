// One HTTP request may batch at most MAX_CALLS_PER_BATCH calls: a GET batching 200 searches took
// 6.6 s of server time before. A larger batch is refused with 400 before any procedure runs.
import { beforeAll, describe, expect, it } from "vitest";
import { growthDuring, MiB } from "../../../testing/memory";
import { testApp } from "../../../testing/test-app";
import { postWebhook, textMessage } from "../../../testing/webhook";
import { MAX_CALLS_PER_BATCH } from "@/shared/batch";

const app = testApp({ signIn: ["agent"] });

beforeAll(async () => {
  // Something to find, so each search does real work.
  for (let n = 0; n < 5; n++) {
    const delivery = textMessage({ from: `3161000000${n}`, name: `Batch Customer ${n}`, text: `where is order ${n} of the blue bicycle` });
    expect((await postWebhook(app.server.url, app.server.appSecret, delivery)).status).toBe(200);
  }
});

/** A GET batching `count` searches, as tRPC's httpBatchLink would send it. */
function searchBatch(count: number): Promise<Response> {
  const paths = Array(count).fill("search.conversations").join(",");
  const inputs = Object.fromEntries(Array.from({ length: count }, (_, index) => [index, { query: "bicycle" }]));
  const url = `${app.server.url}/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
  return fetch(url, { headers: { cookie: app.cookie("agent") } });
}

describe("calls per HTTP batch", () => {
  it(`answers a batch of ${MAX_CALLS_PER_BATCH} searches`, async () => {
    const response = await searchBatch(MAX_CALLS_PER_BATCH);
    expect(response.status).toBe(200);
    const results = (await response.json()) as unknown[];
    expect(results).toHaveLength(MAX_CALLS_PER_BATCH);
  });

  it("refuses a batch of 200 searches at once with 400, and memory stays bounded", async () => {
    let response: Response | undefined;
    const growth = await growthDuring(app.server.pid, async () => {
      response = await searchBatch(200);
    });
    // tRPC's own refusal, which it makes before resolving any call of the batch.
    expect(response?.status).toBe(400);
    expect(JSON.stringify(await response?.json())).toMatch(/Batch call exceeds maximum size/);
    expect(growth).toBeLessThan(64 * MiB);
  });

  it(`refuses a POST batch of ${MAX_CALLS_PER_BATCH + 1} mutations without running any`, async () => {
    const count = MAX_CALLS_PER_BATCH + 1;
    const paths = Array(count).fill("message.send").join(",");
    const inputs = Object.fromEntries(Array.from({ length: count }, (_, index) => [index, { conversationId: "x", id: crypto.randomUUID(), body: "hi" }]));
    const response = await fetch(`${app.server.url}/api/trpc/${paths}?batch=1`, {
      method: "POST",
      headers: { cookie: app.cookie("agent"), "content-type": "application/json" },
      body: JSON.stringify(inputs),
    });
    expect(response.status).toBe(400);
  });
});
