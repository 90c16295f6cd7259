import { describe, expect, it } from "vitest";
import { caseInsensitiveGlob, searchTerms } from "./search-terms";

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

describe("caseInsensitiveGlob", () => {
  it("gives each letter both cases and makes GLOB's wildcards literal", () => {
    expect(caseInsensitiveGlob("Él 1")).toBe("*[Éé][lL] 1*");
    expect(caseInsensitiveGlob("a*?[b]")).toBe("*[aA][*][?][[][bB]]*");
  });

  it("keeps a letter whose other case is two letters (ß → SS) as it is", () => {
    expect(caseInsensitiveGlob("ß")).toBe("*ß*");
  });
});
