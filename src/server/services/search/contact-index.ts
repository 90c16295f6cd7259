// When the contact search may read SQLite's trigram index of contacts (ContactSearch, migration
// 0023) instead of trying its rule on every visible conversation's contact. The index must find
// every contact the rule (GLOB over each field, terms.ts's foldingGlob) finds, so it is used only
// for inputs it can answer that way: three characters or more (a trigram's length), each of them
// printable ASCII or a letter of Latin-1 or Latin Extended-A, which the index folds as the rule
// does (contact-index.test.ts checks every one of them against every letter the rule matches).
// Other inputs — a Greek or Cyrillic name, two letters — keep the full scan.
import type { SearchTerms } from "./terms";

const TRIGRAM = 3;

/** The rule folds dotless ı with I; the index folds I with i only. */
const UNFOLDED = new Set(["ı"]);

function folds(character: string): boolean {
  const code = character.codePointAt(0)!;
  const covered = (code >= 0x20 && code <= 0x7e) || (code >= 0xc0 && code <= 0x17f);
  return covered && !UNFOLDED.has(character);
}

const phrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * The FTS5 query for the contacts whose name, note or an attribute may contain the input, or whose
 * number its digits — a superset of what the rule finds — or null when the index cannot say.
 */
export function contactIndexQuery(terms: Pick<SearchTerms, "name" | "digits">): string | null {
  const characters = [...terms.name];
  if (characters.length < TRIGRAM || !characters.every(folds)) return null;
  return terms.digits ? `${phrase(terms.name)} OR ${phrase(terms.digits)}` : phrase(terms.name);
}
