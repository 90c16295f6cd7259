// What a parsed delivery must be before anything reads it: nested no deeper than WhatsApp's own
// payloads ever are (a 200,000-deep array parses, then overflows the stack of whatever walks it,
// JSON.stringify included), and made of well-formed strings — a lone UTF-16 surrogate ("\ud83d")
// is valid JSON but not text the database accepts, so it is replaced with U+FFFD, as a browser
// would show it (WhatsApp retries a refused delivery for days). One iterative walk, so the check
// itself cannot overflow.
import { replaceLoneSurrogates as wellFormed } from "../http/lone-surrogates";

/** WhatsApp's payloads nest about 8 deep; this leaves room for fields it may add. */
export const MAX_JSON_DEPTH = 32;

export class TooDeepError extends Error {}

type Container = Record<string, unknown> | unknown[];

/** Replaces malformed strings (values and keys) in place; throws TooDeepError past `maxDepth`. */
export function guardJson<T>(root: T, maxDepth = MAX_JSON_DEPTH): T {
  if (typeof root === "string") return wellFormed(root) as T;
  if (root === null || typeof root !== "object") return root;
  const stack: { value: Container; depth: number }[] = [{ value: root as Container, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (depth > maxDepth) throw new TooDeepError();
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item = value[index];
        if (typeof item === "string") value[index] = wellFormed(item);
        else if (item !== null && typeof item === "object") stack.push({ value: item as Container, depth: depth + 1 });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      const item = value[key];
      const safeKey = wellFormed(key);
      if (safeKey !== key) {
        delete value[key];
        value[safeKey] = item;
      }
      if (typeof item === "string") value[safeKey] = wellFormed(item);
      else if (item !== null && typeof item === "object") stack.push({ value: item as Container, depth: depth + 1 });
    }
  }
  return root;
}
