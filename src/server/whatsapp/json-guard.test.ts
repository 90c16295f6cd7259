import { describe, expect, it } from "vitest";
import { guardJson, TooDeepError } from "./json-guard";

describe("the guard on a parsed delivery", () => {
  it("replaces lone surrogates in values and keys, and keeps whole emoji", () => {
    const parsed: unknown = JSON.parse('{"a":"ok \\ud83d","b":["\\udc4b x", "👋"],"k\\ud800":{"c":"fine"}}');
    expect(guardJson(parsed)).toEqual({ a: "ok \uFFFD", b: ["\uFFFD x", "👋"], "k\uFFFD": { c: "fine" } });
  });

  it("refuses nesting deeper than a delivery ever is, however deep, without overflowing", () => {
    const deep: unknown = JSON.parse(`${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    expect(() => guardJson(deep)).toThrow(TooDeepError);
    expect(() => guardJson({ a: { b: { c: 1 } } }, 3)).not.toThrow();
    expect(() => guardJson({ a: { b: { c: { d: 1 } } } }, 3)).toThrow(TooDeepError);
  });
});
