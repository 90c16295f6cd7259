import { describe, expect, it } from "vitest";
import { matchesTemplateSearch, prefillVariables } from "./template-prefill";

describe("prefillVariables", () => {
  it("fills the variable after a greeting with the contact's first name, and nothing else", () => {
    expect(prefillVariables("Hi {{1}}, your order {{2}} is on its way.", 2, "Alex Example")).toEqual(["Alex", ""]);
    expect(prefillVariables("Dear {{1}}", 1, "  Sam  ")).toEqual(["Sam"]);
  });
  it("leaves a variable that is not obviously the name empty", () => {
    expect(prefillVariables("Your order {{1}} shipped.", 1, "Alex")).toEqual([""]);
    expect(prefillVariables("No variables here.", 0, "Alex")).toEqual([]);
  });
});

describe("matchesTemplateSearch", () => {
  const template = { name: "order_update", language: "en_US", body: "Hi {{1}}, your order is on its way." };
  it("matches words of the name (with or without underscores) and the text", () => {
    expect(matchesTemplateSearch(template, "order update")).toBe(true);
    expect(matchesTemplateSearch(template, "ORDER_UPDATE")).toBe(true);
    expect(matchesTemplateSearch(template, "its way")).toBe(true);
    expect(matchesTemplateSearch(template, "refund")).toBe(false);
    expect(matchesTemplateSearch(template, "  ")).toBe(true);
  });
});
