// What each Cloud API answer means for a reply: sent, try again, give up, or unknown.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";
import { interpretNetworkError, interpretResponse } from "./cloud-api";
import { paceUnder, SendRateLimiter } from "./rate-limit";
import { encodeText, said } from "@/shared/server-text";
import { englishOf } from "../i18n/english";

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../testing/fixtures/whatsapp", name), "utf8"));

describe("interpreting the Cloud API's answer", () => {
  it("reads the wamid of an accepted message", () => {
    expect(interpretResponse(200, fixture("send-response.json"), null)).toEqual({
      kind: "accepted",
      wamid: "wamid.HBgLMTU1NTAxMDk4NzYVAgARGBNGMUM3QjAwMDAwMDAwMDAwMDAxAA==",
    });
  });

  it("retries the pair rate limit, 5xx and 429, honouring Retry-After", () => {
    expect(interpretResponse(400, fixture("send-error.json"), null)).toMatchObject({ kind: "retry" });
    expect(interpretResponse(503, "<html>bad gateway</html>", null)).toEqual({
      kind: "retry",
      reason: encodeText(said("sendHttpStatus", { status: 503 })),
      retryAfterMs: null,
    });
    expect(interpretResponse(429, null, "7")).toMatchObject({ kind: "retry", retryAfterMs: 7000 });
  });

  it("gives up on a permanent error with a reason a person can act on", () => {
    const outside = { error: { message: "Re-engagement message", code: 131047, error_data: { details: "dev text" } } };
    expect(interpretResponse(400, outside, null)).toEqual({
      kind: "rejected",
      reason: `${encodeText(said("sendWindowClosed"))} (131047)`,
    });
    expect(englishOf(`${encodeText(said("sendWindowClosed"))} (131047)`)).toBe(
      "More than 24 hours have passed since the customer last wrote, so WhatsApp only accepts a template message now. (131047)",
    );
    const unknownCode = { error: { message: "(#100) Invalid parameter", code: 100, error_data: { details: "Param text['body'] is required" } } };
    expect(interpretResponse(400, unknownCode, null)).toEqual({ kind: "rejected", reason: "Param text['body'] is required (100)" });
  });

  it("treats a 2xx without a message id as unknown, not as sent", () => {
    expect(interpretResponse(200, { ok: true }, null)).toMatchObject({ kind: "unknown" });
  });

  it("retries a connection that was refused but not one that broke after the request left", () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const reset = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    expect(interpretNetworkError(refused)).toMatchObject({ kind: "retry" });
    expect(interpretNetworkError(reset)).toMatchObject({ kind: "unknown" });
    expect(interpretNetworkError(timeout)).toMatchObject({ kind: "unknown", reason: encodeText(said("sendNoAnswer", { code: "TimeoutError" })) });
  });
});

describe("backoff", () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 60_000 };

  it("doubles with each attempt, with at least half of it kept under jitter, up to the cap", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(policy, attempt, null, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(policy, 3, null, () => 0)).toBe(2000);
    expect(retryDelayMs(policy, 30, null, () => 1)).toBe(60_000);
  });

  it("waits at least as long as Retry-After asks, but not past the cap", () => {
    expect(retryDelayMs(policy, 1, 10_000, () => 0)).toBe(10_000);
    expect(retryDelayMs(policy, 1, 600_000, () => 0)).toBe(60_000);
  });
});

describe("the per-number send rate", () => {
  it("spaces the sends of one number evenly, and numbers do not wait for each other", () => {
    const limiter = new SendRateLimiter(80);
    const waits = Array.from({ length: 81 }, () => limiter.reserve("a", 1_000));
    expect(waits.slice(0, 3)).toEqual([0, 12.5, 25]);
    // The 81st send of a second starts a full second after the first: never 81 in one second.
    expect(waits[80]).toBe(1000);
    expect(limiter.reserve("b", 1_000)).toBe(0);
    // Time that passed is not saved up into a burst.
    expect(limiter.reserve("b", 60_000)).toBe(0);
    expect(limiter.reserve("b", 60_000)).toBe(12.5);
  });

  it("keeps headroom under WhatsApp's limit", () => {
    expect(paceUnder(80)).toBe(68);
    expect(paceUnder(1000)).toBe(850);
    expect(paceUnder(1)).toBe(1);
  });

  it("never starts more than the rate within any second, however late the timers fire", () => {
    const limiter = new SendRateLimiter(3);
    // Three timers that fired together after a stall, then a fourth.
    expect([0, 1, 2].map(() => limiter.tryStart("a", 5_000))).toEqual([0, 0, 0]);
    expect(limiter.tryStart("a", 5_400)).toBe(600);
    expect(limiter.tryStart("a", 6_000)).toBe(0);
    expect(limiter.tryStart("b", 5_400)).toBe(0);
  });
});
