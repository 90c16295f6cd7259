// What a search box's text means to each matcher, decided once and without the database: the
// full-text query for message text, a name pattern, and a phone number's digits. Pure, so the
// escaping that keeps user input out of the FTS grammar is tested on its own.

/** Beyond this, more words only make the query slower, not the results better. */
const MAX_WORDS = 8;
/** Fewer digits than this match most numbers: "12" is not a number anyone is looking for. */
const MIN_NUMBER_DIGITS = 3;

export interface SearchTerms {
  /**
   * An FTS5 query: every word as a quoted string with a prefix star, all required. Quoting makes
   * operators (AND, OR, NOT, NEAR), `*`, `-`, `^`, `:` and parentheses plain text; a quote inside a
   * word is doubled, FTS5's own escape. Null when the input has no letter or digit to look for.
   */
  messageQuery: string | null;
  /** The whole input, for a case-insensitive substring match on contact names. */
  name: string;
  /** The digits of the input when it reads as a phone number (digits, `+`, spaces, dashes, dots, parentheses). */
  digits: string | null;
}

const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
const PHONE_LIKE = /^[\d\s+\-().]+$/;

export function searchTerms(input: string): SearchTerms {
  const name = input.trim();
  const words = name
    .split(/\s+/)
    .filter((word) => HAS_WORD_CHARACTER.test(word))
    .slice(0, MAX_WORDS);
  const messageQuery = words.length > 0 ? words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(" ") : null;
  const digits = PHONE_LIKE.test(name) ? name.replace(/\D/g, "") : "";
  return { messageQuery, name, digits: digits.length >= MIN_NUMBER_DIGITS ? digits : null };
}

/** A letter without its accents ("É" → "e"), or null when it has none to drop. */
function baseLetter(character: string): string | null {
  const [base, ...marks] = character.normalize("NFD");
  if (!base || marks.length === 0 || !marks.every((mark) => /\p{M}/u.test(mark))) return null;
  return base.toLowerCase();
}

/**
 * Every Latin letter that is a base letter with accents, by its base ("e" → é É è È ê …). Built
 * once from the Latin blocks, which hold the accented letters of the languages that write names
 * in Latin script.
 */
const ACCENTED_BY_BASE: ReadonlyMap<string, readonly string[]> = (() => {
  const byBase = new Map<string, string[]>();
  for (let code = 0xc0; code <= 0x24f; code++) {
    const letter = String.fromCodePoint(code);
    const base = baseLetter(letter);
    if (base) byBase.set(base, [...(byBase.get(base) ?? []), letter]);
  }
  return byBase;
})();

/** The letters a search for `character` finds: both cases, with or without accents. */
function variantsOf(character: string): Set<string> {
  const base = baseLetter(character) ?? character.toLowerCase();
  const candidates = [character, character.toLowerCase(), character.toUpperCase(), base, base.toUpperCase(), ...(ACCENTED_BY_BASE.get(base) ?? [])];
  // A letter whose other case is two letters (ß → SS) keeps only its single-letter forms.
  return new Set(candidates.filter((variant) => [...variant].length === 1));
}

/**
 * A SQLite GLOB pattern that finds `text` anywhere in a string, ignoring case and accents in
 * every Latin script: each letter becomes a class of its variants ("e" → `[eEéÉèÈ…]`), so
 * "elodie" and "élodie" both find "Élodie", as message search does. SQLite's LIKE, NOCASE and
 * lower() fold ASCII only. GLOB's own wildcards in the input are put in a class of their own,
 * which makes them literal.
 */
export function foldingGlob(text: string): string {
  let pattern = "*";
  for (const character of text) {
    const variants = variantsOf(character);
    if (variants.size > 1) pattern += `[${[...variants].join("")}]`;
    else if (character === "*" || character === "?" || character === "[") pattern += `[${character}]`;
    else pattern += character;
  }
  return `${pattern}*`;
}
