import { createI18n } from "../../shared/i18n/create-i18n.js";
import { type Text, useTypedText } from "../../shared/i18n/typed-text.js";
import { en } from "./en.js";
import { vi } from "./vi.js";

export type KitchenText = Text<typeof vi>;

/** Creates the kitchen screen's i18next instance (Vietnamese by default). */
export function createKitchenI18n() {
  return createI18n({ vi: { translation: vi }, en: { translation: en } });
}

/** The kitchen screen's `t`, with its keys checked. */
export function useText(): KitchenText {
  return useTypedText<typeof vi>();
}
