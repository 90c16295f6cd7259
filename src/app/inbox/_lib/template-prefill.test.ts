import { describe, expect, it } from "vitest";
import { matchesTemplateSearch, prefillFields } from "./template-prefill";
import { said } from "@/shared/server-text";

describe("prefillFields", () => {
  const numbered = (body: string, count: number) => ({
    header: null,
    body,
    fields: Array.from({ length: count }, (_, index) => ({ component: "body" as const, key: String(index + 1), label: said("templateVariable", { key: String(index + 1) }) })),
  });
  it("fills the variable after a greeting with the contact's first name, and nothing else", () => {
    expect(prefillFields(numbered("Hi {{1}}, your order {{2}} is on its way.", 2), "Alex Example")).toEqual(["Alex", ""]);
    expect(prefillFields(numbered("Dear {{1}}", 1), "  Sam  ")).toEqual(["Sam"]);
  });
  it("leaves a variable that is not obviously the name empty", () => {
    expect(prefillFields(numbered("Your order {{1}} shipped.", 1), "Alex")).toEqual([""]);
    expect(prefillFields(numbered("No variables here.", 0), "Alex")).toEqual([]);
  });
  it("fills a variable named for the name, and never a media link or a button's link", () => {
    const template = {
      header: "Order {{order_id}}",
      body: "Your parcel for {{first_name}} arrives {{window}}.",
      fields: [
        { component: "header" as const, key: "", media: "image" as const, label: said("templateHeaderLink", { kind: "image" }) },
        { component: "body" as const, key: "first_name", label: said("templateNamedVariable", { name: "first_name" }) },
        { component: "body" as const, key: "window", label: said("templateNamedVariable", { name: "window" }) },
        { component: "button" as const, key: "1", buttonIndex: 0, label: said("templateLinkEnding", { button: "Track" }) },
      ],
    };
    expect(prefillFields(template, "Ana Lima")).toEqual(["", "Ana", "", ""]);
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
