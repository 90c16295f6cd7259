// next-intl's per-request configuration: which language this page is drawn in, and its messages.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { userFromHeaders } from "@/server/auth/session-user";
import { localeOf } from "@/server/i18n/locale";
import type { Locale } from "./locales";

async function requestLocale(): Promise<Locale> {
  const requestHeaders = await headers();
  return localeOf(await userFromHeaders(requestHeaders), requestHeaders.get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const messages = (await import(`../../messages/${locale}.json`)).default as Record<string, unknown>;
  return { locale, messages };
});
