// A failed reply's reason as the server stores it: WhatsApp's own words with its error code
// ("Param text is invalid (100)"), or ours as an encoded text (shared/server-text.ts) for the
// dashboard to word, with the code of the WhatsApp error it explains ("… (131047)"). The code is
// kept apart, for whoever has to look it up.
import { decodeText, type ServerText } from "./server-text";

/** `text` null: WhatsApp gave no reason. */
export interface FailureReason {
  text: ServerText | string | null;
  code: string | null;
}

export function splitReason(reason: string | null): FailureReason {
  const trimmed = reason?.trim() ?? "";
  if (!trimmed) return { text: null, code: null };
  const match = /^(.*\S)\s*\((\d+)\)$/s.exec(trimmed);
  const [words, code] = match ? [match[1]!, match[2]!] : [trimmed, null];
  return { text: decodeText(words) ?? words, code };
}

/** A stored reason in words: ours worded by `word`, WhatsApp's as they are, the code after them. */
export function wordReason(reason: string, word: (text: ServerText) => string): string {
  const { text, code } = splitReason(reason);
  const words = text === null ? "" : typeof text === "string" ? text : word(text);
  return code ? `${words} (${code})` : words;
}
