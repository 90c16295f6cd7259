import { describe, expect, it } from "vitest";
import { fieldProblem, fillTemplate, hasOnlyNumberedVariables, variableKeys, variableNumbers, variableStyle, ZSendTemplate } from "./templates";
import { english } from "@/server/i18n/english";
import { said } from "./server-text";

describe("template variables", () => {
  it("finds numbered variables, once each, in order", () => {
    expect(variableNumbers("Hi {{1}}, order {{2}} for {{1}}")).toEqual([1, 2]);
    expect(variableNumbers("{{ 2 }} then {{1}}")).toEqual([1, 2]);
    expect(variableNumbers("none")).toEqual([]);
  });
  it("accepts only {{1}}…{{n}} without gaps or names", () => {
    expect(hasOnlyNumberedVariables("Hi {{1}}, order {{2}}")).toBe(true);
    expect(hasOnlyNumberedVariables("Hi {{2}}")).toBe(false);
    expect(hasOnlyNumberedVariables("Hi {{first_name}}")).toBe(false);
  });
  it("fills each variable with its value and leaves one without a value as it is", () => {
    expect(fillTemplate("Hi {{1}}, order {{2}}. Bye {{1}}!", ["Alex", "#7"])).toBe("Hi Alex, order #7. Bye Alex!");
    expect(fillTemplate("Hi {{1}}, order {{2}}", ["Alex"])).toBe("Hi Alex, order {{2}}");
  });
  it("refuses values WhatsApp would refuse", () => {
    const send = { conversationId: "c", id: "7d0c3a3e-3c1a-4d8e-9d2b-1b8f0d6b2a11", name: "t", language: "en_US" };
    expect(ZSendTemplate.safeParse({ ...send, parameters: ["ok"] }).success).toBe(true);
    expect(ZSendTemplate.safeParse({ ...send, parameters: ["two\nlines"] }).success).toBe(false);
    expect(ZSendTemplate.safeParse({ ...send, parameters: ["a     b"] }).success).toBe(false);
    expect(ZSendTemplate.safeParse({ ...send, parameters: [" "] }).success).toBe(false);
  });
});

describe("named variables and fields", () => {
  it("tells numbered, named, none and unusable variables apart", () => {
    expect(variableStyle("Hi {{1}}, order {{2}}")).toBe("numbered");
    expect(variableStyle("Hi {{first_name}}, order {{order_id}}")).toBe("named");
    expect(variableStyle("No variables")).toBe("none");
    expect(variableStyle("Hi {{first_name}}, order {{1}}")).toBeNull();
    expect(variableStyle("Hi {{First Name}}")).toBeNull();
    expect(variableKeys("{{b}} {{a}} {{b}}")).toEqual(["b", "a"]);
  });
  it("fills named variables by name", () => {
    expect(fillTemplate("Hi {{first_name}}, {{order_id}} ships", { first_name: "Ana", order_id: "#9" })).toBe("Hi Ana, #9 ships");
    expect(fillTemplate("Hi {{first_name}}", {})).toBe("Hi {{first_name}}");
  });
  it("checks a media header's value as an https link and the others as text", () => {
    const link = { component: "header", key: "", media: "image", label: said("templateHeaderLink", { kind: "image" }) } as const;
    const text = { component: "body", key: "1", label: said("templateVariable", { key: "1" }) } as const;
    expect(fieldProblem(link, "https://example.com/photo.jpg")).toBeNull();
    expect(english(fieldProblem(link, "http://example.com/photo.jpg")!)).toMatch(/https link/);
    expect(english(fieldProblem(link, "not a link")!)).toMatch(/https link/);
    expect(fieldProblem(text, "Ana")).toBeNull();
    expect(english(fieldProblem(text, "two\nlines")!)).toMatch(/new lines/);
  });
});
