// Property-based: correctly signed deliveries with one field replaced by something hostile (deep
// nesting, lone surrogates, far-future timestamps, huge or odd values) are never answered 5xx —
// WhatsApp retries those for days — and one that is refused stores nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { testApp } from "../../../testing/test-app";
import { latestEventId } from "../../../testing/trpc";
import { newWamid, postWebhook, statusUpdate, textMessage } from "../../../testing/webhook";

const app = testApp({ signIn: ["admin"] });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const ZJson: z.ZodType<Json> = z.lazy(() => z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(ZJson), z.record(z.string(), ZJson)]));

/** A builder's delivery as plain JSON (a round trip keeps lone surrogates: they are escaped). */
const asJson = (value: unknown): Json => ZJson.parse(JSON.parse(JSON.stringify(value)));

/** Every place in `value` a mutation can go, the root excluded. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
}

function withValueAt(base: Json, path: Path, replacement: Json): Json {
  const copy = structuredClone(base);
  let target = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, Json>;
  target[path.at(-1)!] = replacement;
  return copy;
}

const nested = (depth: number): Json => {
  let value: Json = "bottom";
  for (let level = 0; level < depth; level++) value = [value];
  return value;
};

const hostile: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    "",
    "\ud83d",
    "a\udc4bb",
    "99999999999",
    "253402300800",
    "-1",
    "1e30",
    0,
    -1,
    1e308,
    true,
    {},
    [],
    "x".repeat(20_000),
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  fc.double(),
  // Deeper than the guard allows, shallow enough for this process's own JSON.stringify.
  fc.integer({ min: 20, max: 400 }).map(nested),
  fc.dictionary(fc.string({ unit: "binary", maxLength: 5 }), fc.string({ unit: "binary", maxLength: 5 }), { maxKeys: 3 }),
);

let phone = 15550600000;
const bases = (): Json[] => [
  asJson(textMessage({ from: String(phone++), name: "Fuzzy Customer", text: "hello" })),
  asJson(statusUpdate(newWamid(), "delivered")),
];

describe("the webhook under fuzzed, correctly signed deliveries", () => {
  it("never answers 5xx, and stores nothing for a delivery it refuses", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), hostile, async (baseIndex, pathIndex, replacement) => {
        const choices = bases();
        const base = choices[baseIndex % choices.length]!;
        const paths = pathsOf(base);
        const payload = withValueAt(base, paths[pathIndex % paths.length]!, replacement);
        const before = await latestEventId(app.server.url, app.cookie("admin"));
        const response = await postWebhook(app.server.url, app.server.appSecret, payload);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, JSON.stringify(payload).slice(0, 300)).toBeLessThan(500);
        if (response.status >= 400) expect(await latestEventId(app.server.url, app.cookie("admin"))).toBe(before);
      }),
      { numRuns: 250, interruptAfterTimeLimit: 90_000 },
    );
    // Both kinds of answer were exercised.
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
  }, 120_000);

  it("refuses the three shapes that used to answer 500, naming what is wrong", async () => {
    const farFuture = withValueAt(asJson(textMessage({ from: "15550609999", text: "x" })), ["entry", 0, "changes", 0, "value", "messages", 0, "timestamp"], "253402300800");
    // 200,000 levels, written as text: no JSON.stringify (here or there) survives that depth.
    const marker = '"extra":"deep"';
    const tooDeep = JSON.stringify(withValueAt(asJson(textMessage({ from: "15550609998", text: "x" })), ["entry", 0, "changes", 0, "value", "messages", 0, "extra"], "deep"))
      .replace(marker, `"extra":${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    for (const [payload, reason] of [
      [farFuture, /timestamp: must be a unix time before the year 10000/],
      [tooDeep, /nested deeper than/],
    ] as const) {
      const response = await postWebhook(app.server.url, app.server.appSecret, payload);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(reason);
    }
    // A lone surrogate is stored, replaced with U+FFFD, rather than refused.
    const surrogate = textMessage({ from: "15550609997", name: "Ann \ud83d", text: "broken \udc4b emoji" });
    expect((await postWebhook(app.server.url, app.server.appSecret, surrogate)).status).toBe(200);
  });
});
