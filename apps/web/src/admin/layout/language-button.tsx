import { useTranslation } from "react-i18next";
import { useText } from "../i18n/admin-text.js";

/** Switches between Vietnamese and English (remembered on this browser). */
export function LanguageButton() {
  const t = useText();
  const { i18n } = useTranslation();
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => void i18n.changeLanguage(i18n.language === "en" ? "vi" : "en")}
    >
      {t("common.language")}
    </button>
  );
}
