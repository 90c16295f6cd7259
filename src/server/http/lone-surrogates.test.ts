import { describe, expect, it } from "vitest";
import { findLoneSurrogate, hasLoneSurrogate, replaceLoneSurrogates } from "./lone-surrogates";

describe("lone surrogates", () => {
  it("tells half a character from a whole one", () => {
    expect(hasLoneSurrogate("\ud83d")).toBe(true);
    expect(hasLoneSurrogate("a\udc4bb")).toBe(true);
    expect(hasLoneSurrogate("\udc4b\ud83d")).toBe(true);
    expect(hasLoneSurrogate("👋 hi")).toBe(false);
    expect(hasLoneSurrogate("plain")).toBe(false);
    // Stateless between calls (a global regex would remember where it stopped).
    expect([hasLoneSurrogate("x\ud83d"), hasLoneSurrogate("x\ud83d")]).toEqual([true, true]);
  });

  it("replaces each lone one with U+FFFD and leaves pairs alone", () => {
    expect(replaceLoneSurrogates("a\ud83db👋\udc4b")).toBe("a\ufffdb👋\ufffd");
  });

  it("finds the first one in a value or a key, with its path", () => {
    expect(findLoneSurrogate({ conversationId: "c1", body: "hi \ud83d" })).toEqual(["body"]);
    expect(findLoneSurrogate({ filters: [{ name: "ok" }, { name: "\udc4b" }] })).toEqual(["filters", 1, "name"]);
    expect(findLoneSurrogate({ nested: { ["bad\ud83d"]: 1 } })).toEqual(["nested", "bad\ud83d"]);
    expect(findLoneSurrogate("\ud83d")).toEqual([]);
    expect(findLoneSurrogate({ body: "fine 👋", count: 3, none: null })).toBeNull();
    expect(findLoneSurrogate(undefined)).toBeNull();
  });

  it("walks deep nesting without overflowing the stack", () => {
    let value: unknown = "\ud83d";
    for (let depth = 0; depth < 200_000; depth++) value = [value];
    const path = findLoneSurrogate(value);
    expect(path).toHaveLength(200_000);
  });
});
