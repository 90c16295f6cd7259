import { describe, expect, it } from "vitest";
import { makeSortKey } from "./sort-key";

describe("message sort keys", () => {
  it("order by send time first, then by arrival", () => {
    const early = new Date("2026-01-01T00:00:00Z");
    const late = new Date("2026-01-01T00:00:01Z");
    const lateArrivedFirst = makeSortKey(late, "b");
    const earlyArrivedLater = makeSortKey(early, "a");
    expect(earlyArrivedLater < lateArrivedFirst).toBe(true);

    const first = makeSortKey(early, "z");
    const second = makeSortKey(early, "a");
    expect(first < second).toBe(true);
  });
});
