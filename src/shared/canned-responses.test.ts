import { describe, expect, it } from "vitest";
import { fillPlaceholders, filterCannedResponses, slashQuery, unknownPlaceholders, ZCannedBody, ZShortcut } from "./canned-responses";
import { english } from "@/server/i18n/english";
import { firstProblem } from "./server-text";

const values = { contactName: "Ada Lovelace", agentName: "Alan", inboxName: "Support" };

describe("canned response placeholders", () => {
  it("fills every known placeholder, spaces inside the braces allowed, each time it appears", () => {
    const text = "Hi {{contact.first_name}} ({{ contact.name }}), {{agent.name}} from {{inbox.name}} here. Bye {{contact.first_name}}!";
    expect(fillPlaceholders(text, values)).toBe("Hi Ada (Ada Lovelace), Alan from Support here. Bye Ada!");
  });
  it("leaves text without placeholders, and unknown ones, as written", () => {
    expect(fillPlaceholders("No braces here", values)).toBe("No braces here");
    expect(fillPlaceholders("{{order.id}} and {x}", values)).toBe("{{order.id}} and {x}");
  });
  it("does not treat a value as a placeholder again", () => {
    expect(fillPlaceholders("{{contact.name}}", { ...values, contactName: "{{agent.name}}" })).toBe("{{agent.name}}");
  });
  it("takes the first word of a name with extra spaces, and nothing of an empty one", () => {
    expect(fillPlaceholders("{{contact.first_name}}", { ...values, contactName: "  Grace   Hopper " })).toBe("Grace");
    expect(fillPlaceholders("[{{contact.first_name}}]", { ...values, contactName: "" })).toBe("[]");
  });
  it("names the unknown placeholders once each, including ones inherited from Object", () => {
    expect(unknownPlaceholders("{{contact.nmae}} {{ toString }} {{contact.nmae}} {{agent.name}} {{}}")).toEqual(["contact.nmae", "toString", ""]);
    expect(unknownPlaceholders("Hi {{contact.name}}")).toEqual([]);
  });
  it("refuses a text with an unknown placeholder, saying which and what is allowed", () => {
    const result = ZCannedBody.safeParse("Hi {{customer.name}}");
    expect(result.success).toBe(false);
    expect(english(firstProblem(result.error?.issues))).toMatch(/^Text: unknown placeholder \{\{customer\.name\}\}; use \{\{contact\.name\}\}/);
    expect(ZCannedBody.parse("  Hi {{contact.name}}  ")).toBe("Hi {{contact.name}}");
  });
});

describe("shortcuts", () => {
  it("are letters, digits and dashes, stored lower-cased", () => {
    expect(ZShortcut.parse(" Refund-2 ")).toBe("refund-2");
    for (const bad of ["", "two words", "/refund", "ré", "a_b"]) expect(ZShortcut.safeParse(bad).success).toBe(false);
  });
});

describe("the composer's slash query", () => {
  it("is the word after a slash at the very start of the box", () => {
    expect(slashQuery("/")).toBe("");
    expect(slashQuery("/ref")).toBe("ref");
    // A space ends it: a message that merely starts with a slash is left alone.
    expect(slashQuery("/refund policy")).toBeNull();
    expect(slashQuery("hello /ref")).toBeNull();
    expect(slashQuery(" /ref")).toBeNull();
    expect(slashQuery("/ref\nmore")).toBeNull();
  });
});

describe("filtering canned responses", () => {
  const responses = [
    { shortcut: "thanks", body: "Thank you for waiting" },
    { shortcut: "refund", body: "Your refund is on its way" },
    { shortcut: "late-refund", body: "Sorry it took long" },
    { shortcut: "hours", body: "We open at nine; refunds take a week" },
  ];
  const shortcuts = (query: string) => filterCannedResponses(responses, query).map((response) => response.shortcut);

  it("keeps them all, by shortcut, for an empty query", () => {
    expect(shortcuts("")).toEqual(["hours", "late-refund", "refund", "thanks"]);
  });
  it("puts shortcuts starting with the query first, then containing it, then matching text", () => {
    expect(shortcuts("ref")).toEqual(["refund", "late-refund", "hours"]);
    expect(shortcuts("REF")).toEqual(["refund", "late-refund", "hours"]);
  });
  it("matches by text alone, and drops what does not match", () => {
    expect(shortcuts("waiting")).toEqual(["thanks"]);
    expect(shortcuts("zebra")).toEqual([]);
  });
});
