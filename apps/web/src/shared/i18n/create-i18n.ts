import i18next, { type i18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "quay.language";

function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

/** One i18next instance per app: Vietnamese first, English second, the choice remembered. */
export function createI18n(resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: savedLanguage(),
    fallbackLng: "vi",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  instance.on("languageChanged", (language) => {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    document.documentElement.lang = language;
  });
  document.documentElement.lang = instance.language;
  return instance;
}

/** The language the services should answer in (`Accept-Language`). */
export function currentLanguage(instance: i18n): Language {
  return instance.language === "en" ? "en" : "vi";
}
