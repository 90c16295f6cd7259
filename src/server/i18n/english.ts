// The server's texts in English: an error's message (what logs and API callers read), and the
// words of the few things the server writes itself.
import { createTranslator } from "next-intl";
import en from "../../../messages/en.json";
import { wordText } from "@/i18n/word-text";
import { splitReason } from "@/shared/failure-reason";
import type { ServerText } from "@/shared/server-text";

const server = createTranslator({ locale: "en", messages: en, namespace: "Server" });
const fields = createTranslator({ locale: "en", messages: en, namespace: "Fields" });

export const english = (text: ServerText): string => wordText(text, server, fields);

/** A failed message's stored reason (shared/failure-reason.ts) in English: for logs and tests. */
export function englishOf(reason: string): string {
  const { text, code } = splitReason(reason);
  const words = text === null ? "" : typeof text === "string" ? text : english(text);
  return code ? `${words} (${code})` : words;
}
