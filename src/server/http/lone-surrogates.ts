// A lone UTF-16 surrogate — half of a character, such as "\ud83d" without its partner — is a valid
// JavaScript string and valid JSON (as an escape), but not text: it has no UTF-8 form, so the
// database driver refuses it and the request would end in a 500. Input from outside (a webhook, a
// tRPC call) is checked here before anything stores it.

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

export const hasLoneSurrogate = (value: string): boolean => LONE_SURROGATE.test(value);

/** The string with each lone surrogate replaced by U+FFFD, as a browser would show it. */
export const replaceLoneSurrogates = (value: string): string => value.replace(LONE_SURROGATES, "\uFFFD");

export type InputPath = (string | number)[];

// Each visited value links to its parent instead of carrying its whole path, so a deeply nested
// input costs memory in proportion to its size, not its depth squared.
interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathTo(visit: Visit, last?: string): InputPath {
  const reversed: InputPath = last === undefined ? [] : [last];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) reversed.push(at.key);
  return reversed.reverse();
}

/**
 * Where the first string (a value or an object key) holding a lone surrogate is, or null when
 * there is none; `[]` is the input itself. Iterative, so deep nesting cannot overflow the stack.
 */
export function findLoneSurrogate(input: unknown): InputPath | null {
  const stack: Visit[] = [{ value: input, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === "string") {
      if (hasLoneSurrogate(value)) return pathTo(visit);
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => stack.push({ value: item, key: index, parent: visit }));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (hasLoneSurrogate(key)) return pathTo(visit, key);
        stack.push({ value: item, key, parent: visit });
      }
    }
  }
  return null;
}
