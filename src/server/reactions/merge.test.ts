import { describe, expect, it } from "vitest";
import type { TReaction } from "@/shared/reactions";
import { withFailedSend, withReaction } from "./merge";

const reaction = (emoji: string, at: string, wamid: string | null = null): TReaction => ({
  emoji,
  at: `2026-01-01T00:00:${at}.000Z`,
  byName: "Ana",
  wamid,
  sendId: null,
  failed: null,
});

describe("withReaction", () => {
  it("sets, replaces and removes a side's reaction, counting revisions", () => {
    const first = withReaction(null, "customer", reaction("👍", "01", "a"))!;
    expect(first).toMatchObject({ rev: 1, customer: { emoji: "👍" } });
    const second = withReaction(first, "customer", reaction("❤️", "02", "b"))!;
    expect(second).toMatchObject({ rev: 2, customer: { emoji: "❤️" } });
    expect(withReaction(second, "customer", reaction("", "03", "c"))).toMatchObject({ rev: 3, customer: { emoji: "" } });
  });

  it("ignores a duplicate and an older reaction delivered late", () => {
    const current = withReaction(null, "customer", reaction("❤️", "05", "b"))!;
    expect(withReaction(current, "customer", reaction("❤️", "05", "b"))).toBeNull();
    expect(withReaction(current, "customer", reaction("👍", "01", "a"))).toBeNull();
  });

  it("keeps a removal that arrives first, so the older reaction stays removed", () => {
    const removed = withReaction(null, "customer", reaction("", "05", "b"))!;
    expect(withReaction(removed, "customer", reaction("👍", "01", "a"))).toBeNull();
  });

  it("keeps the two sides apart", () => {
    const customer = withReaction(null, "customer", reaction("👍", "01", "a"))!;
    const both = withReaction(customer, "business", { ...reaction("🙏", "02"), sendId: "s1" })!;
    expect(both).toMatchObject({ customer: { emoji: "👍" }, business: { emoji: "🙏" } });
  });
});

describe("withFailedSend", () => {
  it("marks only the send that is still current", () => {
    const current = withReaction(null, "business", { ...reaction("🙏", "02"), sendId: "s2" })!;
    expect(withFailedSend(current, "s1", "gone")).toBeNull();
    expect(withFailedSend(current, "s2", "gone")).toMatchObject({ business: { failed: "gone" } });
  });
});
