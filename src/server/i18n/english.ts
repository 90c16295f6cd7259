// The server's texts in English: an error's message (what logs and API callers read), and the
// words of the few things the server writes itself.
import { createTranslator } from "next-intl";
import en from "../../../messages/en.json";
import { wordText } from "@/i18n/word-text";
import { wordReason } from "@/shared/failure-reason";
import type { ServerText } from "@/shared/server-text";

const server = createTranslator({ locale: "en", messages: en, namespace: "Server" });
const fields = createTranslator({ locale: "en", messages: en, namespace: "Fields" });

export const english = (text: ServerText): string => wordText(text, server, fields);

/** A failed message's stored reason (shared/failure-reason.ts) in English: for logs and tests. */
export const englishOf = (reason: string): string => wordReason(reason, english);
