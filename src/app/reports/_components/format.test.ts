import { describe, expect, it } from "vitest";
import { englishTranslator } from "@/i18n/test-translator";
import { formatDuration as formatDurationIn, lastDays, weekdayNames } from "./format";

const formatDuration = (seconds: number | null) => formatDurationIn(seconds, englishTranslator("Reports.duration"));

describe("a report's durations", () => {
  it("are said in the two largest units that matter", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(600)).toBe("10 min");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(3600 + 5 * 60)).toBe("1 h 5 min");
    expect(formatDuration(2 * 86_400 + 4 * 3600)).toBe("2 d 4 h");
  });

  it("name the weekdays in the person's language, Sunday first", () => {
    expect(weekdayNames("en", "long")[0]).toBe("Sunday");
    expect(weekdayNames("pt-BR", "long")[1]).toBe("segunda-feira");
    expect(weekdayNames("es", "short")[6]).toBe("sáb");
  });

  it("cover the last days with today included", () => {
    expect(lastDays(7, new Date(2025, 2, 3, 10))).toEqual({ from: "2025-02-25", to: "2025-03-03" });
  });
});
