// For unit tests of helpers that take a Translator: one namespace of the English messages.
import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import en from "../../messages/en.json";
import type { Translator } from "./translator";

export function englishTranslator<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(namespace: Namespace): Translator<Namespace> {
  return createTranslator({ locale: "en", messages: en, namespace });
}
