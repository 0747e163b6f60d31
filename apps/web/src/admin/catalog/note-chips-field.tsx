import { MAX_NOTE_CHIP_CHARS, MAX_NOTE_CHIPS } from "@quay/core";
import { useState } from "react";
import { AddButton } from "../components/add-button.js";
import { RowButton } from "../components/row-buttons.js";
import { useText } from "../i18n/admin-text.js";
import { addNoteChip, type NoteChipProblem } from "./note-chips.js";

interface NoteChipsFieldProps {
  /** The category's quick notes, in the order the counter shows them. */
  readonly chips: readonly string[];
  readonly onChips: (chips: readonly string[]) => void;
}

/** A category's quick notes ("Ít đá", "Không đường"): each with its ✕, and a line to add one. */
export function NoteChipsField({ chips, onChips }: NoteChipsFieldProps) {
  const t = useText();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<NoteChipProblem | null>(null);
  const limits = { max: MAX_NOTE_CHIPS, chars: MAX_NOTE_CHIP_CHARS };
  const add = () => {
    const added = addNoteChip(chips, draft);
    if (!added.ok) {
      setProblem(added.problem);
      return;
    }
    onChips(added.chips);
    setDraft("");
  };
  return (
    <fieldset className="a-note-chips" data-testid="note-chips">
      <legend>{t("noteChips.label")}</legend>
      {chips.length === 0 ? <span className="muted small">{t("noteChips.none")}</span> : null}
      <ul className="a-note-chip-list">
        {chips.map((chip) => (
          <li key={chip} className="a-note-chip" data-testid="note-chip">
            <span>{chip}</span>
            <RowButton
              kind="delete"
              name={chip}
              onClick={() => onChips(chips.filter((held) => held !== chip))}
            />
          </li>
        ))}
      </ul>
      <div className="a-note-chip-add">
        <input
          aria-label={t("noteChips.label")}
          placeholder={t("noteChips.placeholder")}
          maxLength={MAX_NOTE_CHIP_CHARS}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            add();
          }}
          data-testid="note-chip-input"
        />
        <AddButton
          label={t("noteChips.add")}
          tone="secondary"
          onClick={add}
          disabled={draft.trim() === ""}
          testId="note-chip-add"
        />
      </div>
      {problem === null ? null : (
        <span className="form-error">{t(`noteChips.problems.${problem}`, limits)}</span>
      )}
      <span className="muted small">{t("noteChips.help", limits)}</span>
    </fieldset>
  );
}
