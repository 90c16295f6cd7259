import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START } from "./hits";
import { snippetWindow } from "./snippet";

const mark = (word: string) => `${MATCH_START}${word}${MATCH_END}`;
const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`);

describe("snippetWindow", () => {
  it("keeps a message that fits the window exactly as it is, spaces and punctuation included", () => {
    const marked = `  Mijn ${mark("fiets")} is niet\n\naangekomen, bestelling 4471!! `;
    expect(snippetWindow(marked, 12)).toBe(marked);
  });

  it("centres the matches in the window and marks the cuts with …", () => {
    const text = words(30);
    text[15] = mark("w15");
    expect(snippetWindow(text.join(" "), 5)).toBe(`…w13 w14 ${mark("w15")} w16 w17…`);
  });

  it("prefers the window holding the most different matched words", () => {
    const text = words(40);
    text[3] = mark("alpha");
    text[30] = mark("alpha");
    text[33] = mark("beta");
    expect(snippetWindow(text.join(" "), 6)).toBe(`…w29 ${mark("alpha")} w31 w32 ${mark("beta")} w34…`);
  });

  it("stays inside the message at either end, and shows its start when nothing is marked", () => {
    expect(snippetWindow([mark("w0"), ...words(20).slice(1)].join(" "), 4)).toBe(`${mark("w0")} w1 w2 w3…`);
    expect(snippetWindow([...words(19), mark("w19")].join(" "), 4)).toBe(`…w16 w17 w18 ${mark("w19")}`);
    expect(snippetWindow(words(20).join(" "), 4)).toBe("w0 w1 w2 w3…");
  });
});
