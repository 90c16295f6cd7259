// English is the reference: a key the code uses that messages/en.json lacks fails the typecheck
// (next-intl's AppConfig); messages.test.ts checks the other languages have every key.
import type en from "../../messages/en.json";
import type { Locale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
