// Typed keys: a missing or misspelt message key fails the type check, not the page.
import type { Locale } from "@/lib/domain/locales";
import type { Messages } from "./messages";

declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
