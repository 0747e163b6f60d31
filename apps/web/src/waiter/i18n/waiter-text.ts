import { createI18n } from "../../shared/i18n/create-i18n.js";
import { type Text, useTypedText } from "../../shared/i18n/typed-text.js";
import { en } from "./en.js";
import { vi } from "./vi.js";

export type WaiterText = Text<typeof vi>;

/** Creates the waiter app's i18next instance (Vietnamese by default). */
export function createWaiterI18n() {
  return createI18n({ vi: { translation: vi }, en: { translation: en } });
}

/** The waiter app's `t`, with its keys checked. */
export function useText(): WaiterText {
  return useTypedText<typeof vi>();
}
