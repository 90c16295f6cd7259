import { describe, expect, it } from "vitest";
import { canMoveStatus } from "./message-status";

describe("outbound status moves only forward", () => {
  it.each([
    ["queued", "sent", true],
    ["sent", "delivered", true],
    ["delivered", "read", true],
    ["sent", "read", true],
    ["queued", "read", true],
    ["read", "delivered", false],
    ["read", "sent", false],
    ["delivered", "sent", false],
    ["delivered", "delivered", false],
    ["queued", "failed", true],
    ["sent", "failed", true],
    ["delivered", "failed", false],
    ["read", "failed", false],
    ["failed", "delivered", false],
    ["failed", "read", false],
    ["failed", "failed", false],
  ] as const)("%s then %s → applied: %s", (current, next, expected) => {
    expect(canMoveStatus(current, next)).toBe(expected);
  });

  it("ends on read whatever order sent, delivered and read arrive in", () => {
    const orders = [
      ["sent", "delivered", "read"],
      ["read", "delivered", "sent"],
      ["delivered", "read", "sent"],
      ["read", "sent", "delivered"],
    ] as const;
    for (const order of orders) {
      let status: "queued" | "sent" | "delivered" | "read" | "failed" = "queued";
      for (const next of order) if (canMoveStatus(status, next)) status = next;
      expect(status).toBe("read");
    }
  });
});
