// Where a contact matched a search, as pieces to mark, the way the server marks message snippets.
import type { TSnippetPart } from "@/shared/search";

/** `text` split around the first case-insensitive occurrence of `query`; one plain piece when there is none. */
export function highlightSubstring(text: string, query: string): TSnippetPart[] {
  const lowerText = text.toLocaleLowerCase();
  const lowerQuery = query.trim().toLocaleLowerCase();
  const at = lowerQuery ? lowerText.indexOf(lowerQuery) : -1;
  // Lower-casing can change a string's length (İ → i̇): then the positions would not line up.
  if (at === -1 || lowerText.length !== text.length) return [{ text, match: false }];
  const end = at + lowerQuery.length;
  return [
    { text: text.slice(0, at), match: false },
    { text: text.slice(at, end), match: true },
    { text: text.slice(end), match: false },
  ].filter((part) => part.text !== "");
}

/** A WhatsApp id shown as "+<digits>", with the digits of the search marked. */
export function highlightNumber(waId: string, query: string): TSnippetPart[] {
  const digits = query.replace(/\D/g, "");
  const at = digits ? waId.indexOf(digits) : -1;
  if (at === -1) return [{ text: `+${waId}`, match: false }];
  return [
    { text: `+${waId.slice(0, at)}`, match: false },
    { text: waId.slice(at, at + digits.length), match: true },
    { text: waId.slice(at + digits.length), match: false },
  ].filter((part) => part.text !== "");
}

/**
 * A long text cut to the part around the first case-insensitive occurrence of `query` (two lines
 * of the sidebar show it), with "…" where it was cut; the start of the text when there is none.
 */
export function excerptAround(text: string, query: string, before = 40): string {
  const at = text.toLocaleLowerCase().indexOf(query.trim().toLocaleLowerCase());
  if (at <= before) return text;
  const start = text.lastIndexOf(" ", at - before) + 1 || at - before;
  return `…${text.slice(start)}`;
}
