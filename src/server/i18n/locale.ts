// The language a request is answered in: the person's choice (User.locale) or, until they make
// one, the best match for the browser's Accept-Language. One home for pages (src/i18n/request.ts)
// and for the route handlers that write words themselves (the reports' CSV).
import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import en from "../../../messages/en.json";
import es from "../../../messages/es.json";
import ptBR from "../../../messages/pt-BR.json";
import { isLocale, negotiateLocale, type Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db/client";

export async function localeOf(user: Pick<SessionUser, "id"> | null, acceptLanguage: string | null): Promise<Locale> {
  if (user) {
    const chosen = (await db().read.user.findUnique({ where: { id: user.id }, select: { locale: true } }))?.locale;
    if (isLocale(chosen)) return chosen;
  }
  return negotiateLocale(acceptLanguage);
}

const MESSAGES: Record<Locale, Messages> = { en, "pt-BR": ptBR, es };

/** One namespace of the messages in `locale`, for words the server writes itself. */
export function translatorFor<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: Locale, namespace: Namespace): Translator<Namespace> {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}
