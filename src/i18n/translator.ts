// A translator for one namespace of the messages, as components get it from useTranslations and
// tests from createTranslator: what the app's pure helpers (activity lines, typing…) take.
import type { _Translator, Messages, NamespaceKeys, NestedKeyOf } from "next-intl";

export type Translator<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>> = _Translator<Messages, Namespace>;
