import { describe, expect, it } from "vitest";
import { nextInTurn } from "./round-robin";

describe("nextInTurn", () => {
  it("starts with the first candidate and goes round", () => {
    expect(nextInTurn(["b", "a", "c"], null)).toBe("a");
    expect(nextInTurn(["b", "a", "c"], "a")).toBe("b");
    expect(nextInTurn(["b", "a", "c"], "b")).toBe("c");
    expect(nextInTurn(["b", "a", "c"], "c")).toBe("a");
  });

  it("skips whoever is not a candidate now, and the last one given may be gone", () => {
    expect(nextInTurn(["a", "c"], "a")).toBe("c");
    expect(nextInTurn(["a", "c"], "b")).toBe("c");
    expect(nextInTurn(["a"], "a")).toBe("a");
  });

  it("has nobody to give to when nobody is free", () => {
    expect(nextInTurn([], "a")).toBeNull();
  });
});
