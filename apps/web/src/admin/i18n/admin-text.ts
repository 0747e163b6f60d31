import { createI18n } from "../../shared/i18n/create-i18n.js";
import { type Text, useTypedText } from "../../shared/i18n/typed-text.js";
import { en } from "./en.js";
import { vi } from "./vi.js";

export type AdminText = Text<typeof vi>;

/** Creates the back office's i18next instance (Vietnamese by default). */
export function createAdminI18n() {
  return createI18n({ vi: { translation: vi }, en: { translation: en } });
}

/** The back office's `t`, with its keys checked. */
export function useText(): AdminText {
  return useTypedText<typeof vi>();
}
