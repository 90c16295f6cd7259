// Every language says everything English says: the same keys, nothing empty, and each message
// with the same placeholders and tags ({name}, <strong>…), so no screen shows a key or a hole.
// English itself is checked by the typecheck: a key the code uses and en.json lacks fails it
// (./messages.d.ts).
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import ptBR from "../../messages/pt-BR.json";
import { LOCALES, negotiateLocale } from "./locales";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** The placeholders and tags a message uses, sorted: what every translation must keep. */
function holes(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.add(`{${element.value}}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        found.add(`{${element.value}}`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const english = flatten(en as Tree);
const translations = { "pt-BR": flatten(ptBR as Tree), es: flatten(es as Tree) };

describe("the dashboard's translations", () => {
  it("are offered for every language the picker lists", () => {
    expect(LOCALES).toEqual(["en", "pt-BR", "es"]);
  });

  for (const [locale, messages] of Object.entries(translations)) {
    it(`${locale} has every English message and no other`, () => {
      expect([...messages.keys()].filter((key) => !english.has(key))).toEqual([]);
      expect([...english.keys()].filter((key) => !messages.has(key))).toEqual([]);
    });

    it(`${locale} leaves nothing empty and keeps each message's placeholders and tags`, () => {
      for (const [key, text] of english) {
        const translated = messages.get(key) ?? "";
        expect({ key, empty: translated.trim() === "" }).toEqual({ key, empty: false });
        expect({ key, holes: holes(translated) }).toEqual({ key, holes: holes(text) });
      }
    });
  }

  it("English messages are well-formed ICU", () => {
    for (const [key, text] of english) expect(() => holes(text), key).not.toThrow();
  });
});

describe("the first language", () => {
  it("follows the browser: Brazilian and European Portuguese, any Spanish, else English", () => {
    expect(negotiateLocale("pt-BR,pt;q=0.9,en;q=0.8")).toBe("pt-BR");
    expect(negotiateLocale("pt-PT")).toBe("pt-BR");
    expect(negotiateLocale("es-MX,es;q=0.9")).toBe("es");
    expect(negotiateLocale("fr-FR,es;q=0.5")).toBe("es");
    expect(negotiateLocale("de-DE")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("not a ;; header,,")).toBe("en");
  });
});
