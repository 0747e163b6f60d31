import { cleanup, type RenderResult, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { afterEach } from "vitest";
import { createCashierI18n } from "../i18n/cashier-i18n.js";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** Renders a cashier component with the app's i18n (Vietnamese unless told otherwise). */
export function renderCashier(ui: ReactElement, language: "vi" | "en" = "vi"): RenderResult {
  const i18n = createCashierI18n();
  void i18n.changeLanguage(language);
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}
