// next-intl's per-request configuration: which language this page is drawn in, and its messages.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { userFromHeaders } from "@/server/auth/session-user";
import { db } from "@/server/db/client";
import { isLocale, negotiateLocale, type Locale } from "./locales";

async function requestLocale(): Promise<Locale> {
  const requestHeaders = await headers();
  const user = await userFromHeaders(requestHeaders);
  if (user) {
    const chosen = (await db().read.user.findUnique({ where: { id: user.id }, select: { locale: true } }))?.locale;
    if (isLocale(chosen)) return chosen;
  }
  return negotiateLocale(requestHeaders.get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const messages = (await import(`../../messages/${locale}.json`)).default as Record<string, unknown>;
  return { locale, messages };
});
