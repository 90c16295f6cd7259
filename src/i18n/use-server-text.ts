"use client";
// What the server said (shared/server-text.ts), in the reader's language.
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ServerText } from "@/shared/server-text";
import { canWord, wordText } from "./word-text";

/** Words a server text; `english` is shown instead if this build lacks its key (a newer server). */
export function useServerText(): (text: ServerText, english?: string) => string {
  const server = useTranslations("Server");
  const fields = useTranslations("Fields");
  return useCallback(
    (text: ServerText, english?: string) => (canWord(text, server, fields) ? wordText(text, server, fields) : (english ?? text.key)),
    [server, fields],
  );
}
