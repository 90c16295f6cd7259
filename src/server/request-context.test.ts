import { describe, expect, it } from "vitest";
import { requestId, requestIdFromHeader, withRequestId } from "./request-context";

describe("request context", () => {
  it("knows the request only inside withRequestId", async () => {
    expect(requestId()).toBeUndefined();
    const seen = await withRequestId("req-1", async () => {
      await Promise.resolve();
      return requestId();
    });
    expect(seen).toBe("req-1");
    expect(requestId()).toBeUndefined();
  });

  it("takes a sane x-request-id from the caller and makes one up otherwise", () => {
    expect(requestIdFromHeader("edge-7f3a.b_c-9")).toBe("edge-7f3a.b_c-9");
    expect(requestIdFromHeader("x".repeat(64))).toBe("x".repeat(64));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of [undefined, "", "x".repeat(65), "has space", 'a"b', "line\nbreak", ["one", "two"]]) {
      expect(requestIdFromHeader(bad)).toMatch(uuid);
    }
    expect(requestIdFromHeader(undefined)).not.toBe(requestIdFromHeader(undefined));
  });
});
