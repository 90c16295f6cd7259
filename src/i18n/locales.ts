// The languages the dashboard speaks, and how a first visit picks one: the person's own choice
// (User.locale) when they made one, otherwise the best match for what their browser asks for.
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

export const LOCALES = ["en", "pt-BR", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words, as the Language menu offers it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "pt-BR": "Português (Brasil)", es: "Español" };

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/** The supported language closest to an Accept-Language header ("pt-PT" → pt-BR, "es-MX" → es). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const asked = new Negotiator({ headers: { "accept-language": acceptLanguage ?? "" } }).languages().filter((tag) => tag !== "*");
  try {
    const found = match(asked, LOCALES, DEFAULT_LOCALE);
    return isLocale(found) ? found : DEFAULT_LOCALE;
  } catch {
    // A malformed tag in the header: the default rather than an error page.
    return DEFAULT_LOCALE;
  }
}
