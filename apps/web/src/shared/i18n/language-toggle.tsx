import { useTranslation } from "react-i18next";
import { currentLanguage, type Language } from "./create-i18n.js";

interface LanguageToggleProps {
  /** The button's text in the app's own words: the language it switches to ("English"). */
  readonly label: string;
  /** A text-like button unless the bar it sits in styles its own. */
  readonly className?: string;
  /** A longer accessible name, where the label alone does not say what the button does. */
  readonly ariaLabel?: string;
  /** Marks the label as written in the language it switches to, so a screen reader reads it so. */
  readonly tagLanguage?: boolean;
}

/** Switches the app between Vietnamese and English (create-i18n remembers the choice on this device). */
export function LanguageToggle({
  label,
  className = "link-button",
  ariaLabel,
  tagLanguage = false,
}: LanguageToggleProps) {
  const { i18n } = useTranslation();
  const other = (): Language => (currentLanguage(i18n) === "en" ? "vi" : "en");
  return (
    <button
      type="button"
      className={className}
      lang={tagLanguage ? other() : undefined}
      aria-label={ariaLabel}
      onClick={() => void i18n.changeLanguage(other())}
    >
      {label}
    </button>
  );
}
