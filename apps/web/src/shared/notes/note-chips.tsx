import type { ReactNode } from "react";
import { noteParts, toggleNoteChip } from "./note-parts.js";

interface NoteChipsProps {
  /** The common notes, in the app's words ("Ít đá"); a tap adds one to the note or takes it out. */
  readonly chips: readonly string[];
  readonly note: string;
  readonly onChange: (note: string) => void;
  /** Chips of the app's own after the common ones (the cashier's "clear"). */
  readonly children?: ReactNode;
}

/** One-tap notes for an item, shown pressed while the note holds them. */
export function NoteChips({ chips, note, onChange, children }: NoteChipsProps) {
  const parts = noteParts(note);
  return (
    <div className="chips">
      {chips.map((chip) => {
        const active = parts.includes(chip);
        return (
          <button
            type="button"
            key={chip}
            className={active ? "chip selected" : "chip"}
            aria-pressed={active}
            onClick={() => onChange(toggleNoteChip(note, chip))}
          >
            {chip}
          </button>
        );
      })}
      {children}
    </div>
  );
}
