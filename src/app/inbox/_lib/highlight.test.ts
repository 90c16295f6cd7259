import { describe, expect, it } from "vitest";
import { excerptAround, highlightNumber, highlightSubstring } from "./highlight";

describe("highlightSubstring", () => {
  it("marks the first occurrence whatever its case", () => {
    expect(highlightSubstring("Élodie Marchand", "élodie")).toEqual([
      { text: "Élodie", match: true },
      { text: " Marchand", match: false },
    ]);
    expect(highlightSubstring("Élodie Marchand", "x")).toEqual([{ text: "Élodie Marchand", match: false }]);
  });
});

describe("highlightNumber", () => {
  it("marks the searched digits in the number however they were typed", () => {
    expect(highlightNumber("4915123456789", "+49 151-23")).toEqual([
      { text: "+", match: false },
      { text: "4915123", match: true },
      { text: "456789", match: false },
    ]);
  });
});

describe("excerptAround", () => {
  it("keeps a text whose match is near its start, and cuts a long one at a word before the match", () => {
    expect(excerptAround("Prefers calls after five", "calls")).toBe("Prefers calls after five");
    const long = `${"word ".repeat(30)}wholesale café owner`;
    expect(excerptAround(long, "WHOLESALE")).toMatch(/^…(word )+wholesale café owner$/);
    expect(excerptAround(long, "WHOLESALE").length).toBeLessThan(long.length);
  });
});
