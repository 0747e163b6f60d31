import type { i18n as I18n } from "i18next";
import { type ComponentType, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";

interface MountAppOptions {
  /** The HTML page that loads the app, named in the error when it has no `#root`. */
  readonly page: string;
  /** Creates the app's i18next instance (its messages, the remembered language). */
  readonly createI18n: () => I18n;
  readonly App: ComponentType;
}

/**
 * Starts a browser app: renders `App` into the page's `#root` with its i18n, and keeps the tab's
 * title (`app.title`) in the chosen language. The page's styles are imported by its entry module.
 */
export function mountApp({ page, createI18n, App }: MountAppOptions): void {
  const container = document.getElementById("root");
  if (container === null) throw new Error(`${page} has no #root`);

  const i18n = createI18n();
  const setTitle = () => {
    document.title = i18n.t("app.title");
  };
  setTitle();
  i18n.on("languageChanged", setTitle);

  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}
