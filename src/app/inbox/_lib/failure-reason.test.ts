import { describe, expect, it } from "vitest";
import { splitReason } from "./failure-reason";

describe("a failed reply's reason", () => {
  it("keeps WhatsApp's error code apart from the sentence", () => {
    expect(splitReason("More than 24 hours have passed since the customer last wrote. (131047)")).toEqual({
      text: "More than 24 hours have passed since the customer last wrote.",
      code: "131047",
    });
  });

  it("leaves a reason without a code whole, and says something when there is none", () => {
    expect(splitReason("Gave up after 8 attempts: Could not reach WhatsApp (ECONNREFUSED)")).toEqual({
      text: "Gave up after 8 attempts: Could not reach WhatsApp (ECONNREFUSED)",
      code: null,
    });
    expect(splitReason(null).text).toBe("WhatsApp did not accept this message.");
    expect(splitReason("  ").code).toBeNull();
  });
});
