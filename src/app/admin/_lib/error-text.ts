"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { httpStatusOf } from "@/trpc/query-client";

/**
 * What to tell the person about a failed call: the server's sentence ("Email: …"), or, in their
 * language, that the server failed or could not be reached.
 */
export function useErrorText(): (error: unknown) => string {
  const t = useTranslations("Common");
  return useCallback(
    (error: unknown) => {
      const status = httpStatusOf(error);
      if (error instanceof Error && status !== undefined && status < 500) return error.message;
      if (status !== undefined) return t("serverError");
      return t("unreachable");
    },
    [t],
  );
}

/** The server names the field it refuses first ("Phone number ID: …"); that field gets marked. */
export function isAboutField(error: string | null, label: string): boolean {
  return error?.startsWith(`${label}:`) ?? false;
}
