// One home for how a server text reads, on the server (English) and in the dashboard (the
// reader's language): the field's label first when it is about one field, then the sentence.
import type { ServerText, TextValues } from "@/shared/server-text";
import type { Translator } from "./translator";

export function wordText(text: ServerText, server: Translator<"Server">, fields: Translator<"Fields">): string {
  // next-intl types each key's values from its placeholders; a text from the wire is checked by
  // messages.test.ts (every language has the same placeholders) rather than here.
  const word = server as unknown as (key: string, values?: TextValues) => string;
  const sentence = word(text.key, text.values);
  const first = text.field ? fields(text.field) : text.subject;
  return first ? `${first}: ${sentence}` : sentence;
}

/** Whether this build knows how to word `text` (a newer server may send a key it lacks). */
export const canWord = (text: ServerText, server: Translator<"Server">, fields: Translator<"Fields">): boolean =>
  server.has(text.key) && (!text.field || fields.has(text.field));
