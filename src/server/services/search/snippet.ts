// Cuts a snippet out of a whole message whose matches are marked already, the way SQLite's FTS5
// snippet() does: a window of SNIPPET_WORDS words holding as many of the matched words as it can,
// the matches centred in it, and "…" where the message goes on. PostgreSQL's ts_headline marks the
// words (it knows which ones its index matched) but has no such window: its own shortening drops
// words of a message shorter than the window and marks no cut.
import { MATCH_START, SNIPPET_WORDS } from "./hits";

export function snippetWindow(marked: string, size = SNIPPET_WORDS): string {
  // Words as runs of non-space, punctuation included; a marked token never holds a space, so every
  // marker pair stays inside one word.
  const words = [...marked.matchAll(/\S+/g)].map((word) => ({ start: word.index, end: word.index + word[0].length, text: word[0] }));
  if (words.length <= size) return marked;
  const matched = words.flatMap((word, index) => (word.text.includes(MATCH_START) ? [index] : []));

  let best = { first: 0, score: -1 };
  for (const first of matched.length > 0 ? matched : [0]) {
    // The matches from this one on that fit in a window, centred in it (as FTS5 does).
    const inReach = matched.filter((index) => index >= first && index < first + size);
    const last = inReach[inReach.length - 1] ?? first;
    const start = Math.min(Math.max(0, first - Math.floor((size - (last - first + 1)) / 2)), words.length - size);
    const score = new Set(matched.filter((index) => index >= start && index < start + size).map((index) => words[index]!.text.toLowerCase())).size;
    if (score > best.score) best = { first: start, score };
  }
  const from = words[best.first]!;
  const to = words[best.first + size - 1]!;
  return `${best.first > 0 ? "…" : ""}${marked.slice(from.start, to.end)}${best.first + size < words.length ? "…" : ""}`;
}
