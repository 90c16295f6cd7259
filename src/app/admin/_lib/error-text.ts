"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { useServerText } from "@/i18n/use-server-text";
import type { FieldName } from "@/shared/server-text";
import { httpStatusOf, serverTextOf } from "@/trpc/query-client";

/** A failed call in words, and the form field it is about, if one ("Email: …"). */
export interface FormProblem {
  message: string;
  field?: FieldName;
}

/**
 * What to tell the person about a failed call: the server's sentence in their language, or that
 * the server failed or could not be reached; and which field of the form it names.
 */
export function useFormProblem(): (error: unknown) => FormProblem {
  const t = useTranslations("Common");
  const word = useServerText();
  return useCallback(
    (error: unknown) => {
      const status = httpStatusOf(error);
      const text = serverTextOf(error);
      if (text && error instanceof Error) return { message: word(text, error.message), field: text.field };
      if (error instanceof Error && status !== undefined && status < 500) return { message: error.message };
      if (status !== undefined) return { message: t("serverError") };
      return { message: t("unreachable") };
    },
    [t, word],
  );
}

/** The same, as a sentence only: for an error shown on its own rather than in a form. */
export function useErrorText(): (error: unknown) => string {
  const problem = useFormProblem();
  return useCallback((error: unknown) => problem(error).message, [problem]);
}
