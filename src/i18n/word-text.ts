// One home for how a server text reads, on the server (English) and in the dashboard (the
// reader's language): the field's label first when it is about one field, then the sentence. A
// value that is itself an encoded text (a reason within "Gave up after 8 attempts: …") is worded too.
import { splitReason, wordReason } from "@/shared/failure-reason";
import type { ServerText, TextValues } from "@/shared/server-text";
import type { Translator } from "./translator";

export function wordText(text: ServerText, server: Translator<"Server">, fields: Translator<"Fields">): string {
  // next-intl types each key's values from its placeholders; a text from the wire is checked by
  // messages.test.ts (every language has the same placeholders) rather than here.
  const word = server as unknown as (key: string, values?: TextValues) => string;
  const values = text.values && Object.fromEntries(Object.entries(text.values).map(([name, value]) => [name, wordValue(value, server, fields)]));
  const sentence = word(text.key, values);
  return text.field ? `${fields(text.field)}: ${sentence}` : sentence;
}

function wordValue(value: string | number, server: Translator<"Server">, fields: Translator<"Fields">): string | number {
  if (typeof value !== "string") return value;
  const { text } = splitReason(value);
  return text !== null && typeof text === "object" ? wordReason(value, (inner) => wordText(inner, server, fields)) : value;
}

/** Whether this build knows how to word `text` (a newer server may send a key it lacks). */
export const canWord = (text: ServerText, server: Translator<"Server">, fields: Translator<"Fields">): boolean =>
  server.has(text.key) && (!text.field || fields.has(text.field));
