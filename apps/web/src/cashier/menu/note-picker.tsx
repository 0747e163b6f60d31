import { useTranslation } from "react-i18next";
import { vi } from "../i18n/vi.js";

interface NotePickerProps {
  readonly note: string;
  readonly onChange: (note: string) => void;
}

const CHIPS = Object.keys(vi.menu.chips) as (keyof typeof vi.menu.chips)[];

/** The note the next item is added with ("ít đá"): one tap on a common one, or typed. */
export function NotePicker({ note, onChange }: NotePickerProps) {
  const { t } = useTranslation();
  const toggle = (chip: string) => {
    const parts = note
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
    const next = parts.includes(chip) ? parts.filter((part) => part !== chip) : [...parts, chip];
    onChange(next.join(", "));
  };
  return (
    <div className="note-picker">
      <label className="note-input">
        <span>{t("menu.note")}</span>
        <input
          value={note}
          maxLength={200}
          placeholder={t("menu.notePlaceholder")}
          onChange={(event) => onChange(event.target.value)}
          data-testid="note-input"
        />
      </label>
      <div className="chips">
        {CHIPS.map((key) => {
          const chip = t(`menu.chips.${key}`);
          const active = note.split(",").some((part) => part.trim() === chip);
          return (
            <button
              type="button"
              key={key}
              className={active ? "chip selected" : "chip"}
              aria-pressed={active}
              onClick={() => toggle(chip)}
            >
              {chip}
            </button>
          );
        })}
        {note === "" ? null : (
          <button type="button" className="chip clear" onClick={() => onChange("")}>
            ✕ {t("menu.clearNote")}
          </button>
        )}
      </div>
    </div>
  );
}
