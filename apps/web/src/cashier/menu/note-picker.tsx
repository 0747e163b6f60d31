import { useTranslation } from "react-i18next";
import { NoteChips } from "../../shared/notes/note-chips.js";
import { NoteInput } from "../../shared/notes/note-input.js";
import { useNoteChips } from "./use-note-chips.js";

interface NotePickerProps {
  readonly note: string;
  readonly onChange: (note: string) => void;
  /** The open category's own quick notes (back office); none: the common ones. */
  readonly chips?: readonly string[];
}

/** The note the next item is added with ("ít đá"): one tap on a common one, or typed. */
export function NotePicker({ note, onChange, chips }: NotePickerProps) {
  const { t } = useTranslation();
  const shown = useNoteChips(chips);
  return (
    <div className="note-picker">
      <NoteInput
        label={t("menu.note")}
        placeholder={t("menu.notePlaceholder")}
        note={note}
        onChange={onChange}
        className="note-input"
      />
      <NoteChips chips={shown} note={note} onChange={onChange}>
        {note === "" ? null : (
          <button type="button" className="chip clear" onClick={() => onChange("")}>
            ✕ {t("menu.clearNote")}
          </button>
        )}
      </NoteChips>
    </div>
  );
}
