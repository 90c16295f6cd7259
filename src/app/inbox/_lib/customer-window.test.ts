// WhatsApp accepts free-form replies for 24 hours after the customer's last message.
import { describe, expect, it } from "vitest";
import { englishTranslator } from "@/i18n/test-translator";
import { customerWindow, formatAgo as formatAgoIn, formatDuration as formatDurationIn, isOutsideWindow, laterTime, msUntilNextChange } from "./customer-window";

const formatAgo = (ms: number) => formatAgoIn(ms, englishTranslator("Window"));
const formatDuration = (ms: number) => formatDurationIn(ms, englishTranslator("Window"));

const now = Date.parse("2026-11-22T12:00:00.000Z");
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();

describe("the 24-hour customer service window", () => {
  it("is open until exactly 24 hours after the customer's last message", () => {
    const window = customerWindow(hoursAgo(3), now);
    expect(window).toEqual({ state: "open", lastInboundAt: hoursAgo(3), agoMs: 3 * 3_600_000, closesInMs: 21 * 3_600_000 });
    expect(isOutsideWindow(window)).toBe(false);
    expect(customerWindow(new Date(now - 24 * 3_600_000 + 1).toISOString(), now).state).toBe("open");
    expect(customerWindow(hoursAgo(24), now).state).toBe("closed");
    expect(isOutsideWindow(customerWindow(hoursAgo(50), now))).toBe(true);
  });

  it("is closed when the customer never wrote", () => {
    expect(customerWindow(null, now)).toEqual({ state: "never" });
    expect(isOutsideWindow(customerWindow(null, now))).toBe(true);
  });

  it("treats a timestamp slightly in the future as just now", () => {
    expect(customerWindow(new Date(now + 5_000).toISOString(), now)).toMatchObject({ state: "open", agoMs: 0 });
  });
});

describe("saying how long ago", () => {
  it.each([
    [0, "just now"],
    [59_000, "just now"],
    [60_000, "1 min ago"],
    [59 * 60_000, "59 min ago"],
    [3 * 3_600_000 + 59 * 60_000, "3 h ago"],
    [23.9 * 3_600_000, "23 h ago"],
    [25 * 3_600_000, "1 day ago"],
    [72 * 3_600_000, "3 days ago"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatAgo(ms)).toBe(text);
  });

  it("never says 0 min for what is left", () => {
    expect(formatDuration(10_000)).toBe("1 min");
  });
});

describe("the customer's latest message time", () => {
  it("keeps the later of two times, either may be missing", () => {
    expect(laterTime(null, null)).toBeNull();
    expect(laterTime(hoursAgo(2), null)).toBe(hoursAgo(2));
    expect(laterTime(null, hoursAgo(2))).toBe(hoursAgo(2));
    expect(laterTime(hoursAgo(2), hoursAgo(1))).toBe(hoursAgo(1));
    expect(laterTime(hoursAgo(1), hoursAgo(2))).toBe(hoursAgo(1));
  });
});

describe("when the notice next changes", () => {
  it("is just after the next whole minute since the customer's message", () => {
    const last = hoursAgo(3);
    expect(msUntilNextChange(last, now)).toBe(60_005);
    expect(msUntilNextChange(last, now + 59_000)).toBe(1_005);
    expect(msUntilNextChange(last, now + 60_000)).toBe(60_005);
  });

  it("is never when the customer never wrote", () => {
    expect(msUntilNextChange(null, now)).toBe(Number.POSITIVE_INFINITY);
  });
});
