import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { inertCell } from "./csv";
import { daysOf, localDateTime, localSlots, rangeOf } from "./range";

describe("a report's range", () => {
  it("runs from the viewer's first midnight to the midnight after the last day", () => {
    expect(rangeOf({ from: "2025-03-01", to: "2025-03-31", timeZone: "America/Sao_Paulo" })).toMatchObject({
      start: new Date("2025-03-01T03:00:00Z"),
      end: new Date("2025-04-01T03:00:00Z"),
    });
  });

  it("follows daylight saving time: New York's 9 March 2025 has 23 hours", () => {
    const { start, end } = rangeOf({ from: "2025-03-09", to: "2025-03-09", timeZone: "America/New_York" });
    expect(start).toEqual(new Date("2025-03-09T05:00:00Z"));
    expect(end.getTime() - start.getTime()).toBe(23 * 3_600_000);
  });

  it("lists every day, across months and leap days", () => {
    expect(daysOf({ from: "2024-02-27", to: "2024-03-01" })).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
  });

  it("places an instant in the viewer's calendar", () => {
    // 02:30 UTC on a Saturday is 23:30 on Friday in São Paulo.
    expect(localSlots("America/Sao_Paulo")(new Date("2025-03-01T02:30:00Z"))).toEqual({ day: "2025-02-28", weekday: 5, hour: 23 });
    expect(localSlots("Asia/Kolkata")(new Date("2025-03-01T02:30:00Z"))).toEqual({ day: "2025-03-01", weekday: 6, hour: 8 });
    expect(localDateTime(new Date("2025-03-01T02:30:00Z"), "Asia/Kolkata")).toBe("2025-03-01 08:00");
  });
});

describe("the local hour of each hour of a year", () => {
  it("is the time zone's own, across both daylight saving changes", () => {
    for (const timeZone of ["America/New_York", "Europe/Lisbon", "Australia/Sydney", "UTC"]) {
      const slotOf = localSlots(timeZone);
      for (let hour = 0; hour < 366 * 24; hour++) {
        const at = new Date(Date.UTC(2025, 0, 1) + hour * 3_600_000);
        const local = new TZDate(at, timeZone);
        expect(slotOf(at)).toEqual({ day: format(local, "yyyy-MM-dd"), weekday: local.getDay(), hour: local.getHours() });
      }
    }
  });
});

describe("a CSV cell", () => {
  it("that a spreadsheet would run as a formula is kept as text", () => {
    for (const text of ["=1+1", "+44", "-3", "@SUM(A1)", "\tx"]) expect(inertCell(text)).toBe(`'${text}`);
    expect(inertCell("Ana Souza")).toBe("Ana Souza");
  });
});
