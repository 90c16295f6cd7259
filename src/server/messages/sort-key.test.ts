import { describe, expect, it } from "vitest";
import { makeSortKey, parseSortKey } from "./sort-key";

describe("message sort keys", () => {
  it("order by the second a message was sent, even when it arrived later", () => {
    const lateArrivedFirst = makeSortKey(new Date("2026-01-01T00:00:01Z"), "b");
    const earlyArrivedLater = makeSortKey(new Date("2026-01-01T00:00:00Z"), "a");
    expect(earlyArrivedLater < lateArrivedFirst).toBe(true);
  });

  it("order messages of the same second by arrival, whatever the milliseconds say", () => {
    const ourReply = makeSortKey(new Date("2026-01-01T00:00:00.900Z"), "z");
    const customerAnswer = makeSortKey(new Date("2026-01-01T00:00:00.000Z"), "a");
    expect(ourReply < customerAnswer).toBe(true);
  });
});

describe("sort keys made by several processes", () => {
  it("put a message after the conversation's newest one even when that one's process clock runs ahead", () => {
    const sent = new Date("2026-01-01T00:00:00Z");
    // Stored by another process whose clock is ten seconds ahead of ours.
    const aheadArrival = String((Date.now() + 10_000) * 1000).padStart(18, "0");
    const storedElsewhere = `${String(sent.getTime() / 1000).padStart(12, "0")}.${aheadArrival}.m1`;
    // Our clock alone would put a message received now before it…
    expect(makeSortKey(sent, "m0") < storedElsewhere).toBe(true);
    // …the conversation's newest key puts it after.
    expect(makeSortKey(sent, "m2", storedElsewhere) > storedElsewhere).toBe(true);
  });
});

describe("parseSortKey", () => {
  it("reads back the second a message was sent and the second it arrived", () => {
    const parsed = parseSortKey(makeSortKey(new Date("2026-01-01T00:00:05.700Z"), "id"));
    expect(parsed?.sentSecond).toBe(Date.UTC(2026, 0, 1, 0, 0, 5) / 1000);
    expect(parsed?.arrivalSecond).toBeGreaterThanOrEqual(parsed!.sentSecond);
    expect(parseSortKey("not-a-key")).toBeNull();
  });
});
