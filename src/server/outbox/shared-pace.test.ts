// Three workers' paces on one real Redis server keep one number under WhatsApp's limit together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { busiestSecond } from "../../../testing/busiest-second";
import { startRedis, type RedisServer } from "../../../testing/redis-server";
import { paceUnder } from "./rate-limit";
import { createSharedPace } from "./shared-pace";

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
});


describe("the shared send pace", () => {
  it("keeps three workers together under the per-number limit", async () => {
    const limit = 24;
    const perSecond = paceUnder(limit);
    const paces = Array.from({ length: 3 }, () => createSharedPace({ url: redis.url, prefix: "pace-test", perSecond }));
    await Promise.all(paces.map((pace) => pace.connected));
    const starts: number[] = [];
    const began = Date.now();
    await Promise.all(
      paces.flatMap((pace) =>
        Array.from({ length: 20 }, async () => {
          await pace.acquire("15550001111");
          starts.push(Date.now());
        }),
      ),
    );
    const seconds = (Date.now() - began) / 1000;
    await Promise.all(paces.map((pace) => pace.close()));
    expect(starts).toHaveLength(60);
    expect(busiestSecond(starts)).toBeLessThanOrEqual(limit);
    // Alone, each would have sent its 20 within a second: together they took their turns.
    expect(seconds).toBeGreaterThan(60 / perSecond - 1);
  });
});
