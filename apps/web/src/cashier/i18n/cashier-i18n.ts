import { createI18n } from "../../shared/i18n/create-i18n.js";
import { en } from "./en.js";
import { vi } from "./vi.js";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof vi };
  }
}

/** Creates the cashier app's i18next instance (Vietnamese by default). */
export function createCashierI18n() {
  return createI18n({ vi: { translation: vi }, en: { translation: en } });
}
