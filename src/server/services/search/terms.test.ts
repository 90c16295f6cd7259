import { describe, expect, it } from "vitest";
import { foldingGlob, searchTerms } from "./terms";

describe("searchTerms", () => {
  it("quotes every word and makes it a prefix, so FTS operators in the input are only text", () => {
    expect(searchTerms("  late   delivery ").messageQuery).toBe('"late"* "delivery"*');
    expect(searchTerms('NEAR(a "b" OR -c*').messageQuery).toBe('"NEAR(a"* """b"""* "OR"* "-c*"*');
  });

  it("leaves out words with no letter or digit, and has no text query when none is left", () => {
    expect(searchTerms("order - * ( )").messageQuery).toBe('"order"*');
    expect(searchTerms('" * -').messageQuery).toBeNull();
  });

  it("reads digits from a phone number written with +, spaces, dashes, dots or parentheses", () => {
    expect(searchTerms("+49 (151) 234-56.78").digits).toBe("491512345678");
    expect(searchTerms("order 123").digits).toBeNull();
    expect(searchTerms("+1 2").digits).toBeNull();
  });
});

describe("foldingGlob", () => {
  const matches = (pattern: string, text: string) => new RegExp(`^${pattern.replaceAll("*", ".*")}$`, "u").test(text);

  it("gives each letter both cases and its accented forms, either way round", () => {
    for (const query of ["elodie", "élodie", "ÉLODIE", "Elodie"]) expect(matches(foldingGlob(query), "Élodie Marchand")).toBe(true);
    expect(matches(foldingGlob("zurich"), "Zürich")).toBe(true);
    expect(matches(foldingGlob("elodie"), "Melody")).toBe(false);
  });

  it("makes GLOB's wildcards literal", () => {
    expect(foldingGlob("1*?")).toBe("*1[*][?]*");
    expect(foldingGlob("[")).toBe("*[[]*");
  });

  it("keeps a letter whose other case is two letters (ß → SS) as it is", () => {
    expect(foldingGlob("ß")).toBe("*ß*");
  });
});
