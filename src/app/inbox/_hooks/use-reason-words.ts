"use client";
// The words a refused send, reaction or upload is explained in (_lib/send-error.ts), in the
// person's language.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useServerText } from "@/i18n/use-server-text";
import type { ReasonWords } from "../_lib/send-error";

export function useReasonWords(): ReasonWords {
  const word = useServerText();
  const t = useTranslations("ReplyProblem");
  return useMemo(() => ({ word, refused: t("refused") }), [word, t]);
}
