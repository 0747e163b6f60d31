import { useState } from "react";
import { Dialog } from "../../shared/components/dialog.js";
import { vi } from "../i18n/vi.js";
import { useText } from "../i18n/waiter-text.js";

interface NoteDialogProps {
  readonly name: string;
  readonly note: string;
  readonly onSave: (note: string) => void;
  readonly onClose: () => void;
}

const CHIPS = Object.keys(vi.menu.chips) as (keyof typeof vi.menu.chips)[];

/** The note of one item being entered: a tap on a common one ("ít đá"), or typed. */
export function NoteDialog({ name, note, onSave, onClose }: NoteDialogProps) {
  const t = useText();
  const [text, setText] = useState(note);
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const toggle = (chip: string) =>
    setText((parts.includes(chip) ? parts.filter((part) => part !== chip) : [...parts, chip]).join(", "));

  return (
    <Dialog
      title={t("order.editNote", { name })}
      onClose={onClose}
      testId="note-dialog"
      actions={
        <>
          <button type="button" className="secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => onSave(text.trim())}
            data-testid="note-save"
          >
            {t("common.save")}
          </button>
        </>
      }
    >
      <div className="chips">
        {CHIPS.map((key) => {
          const chip = t(`menu.chips.${key}`);
          const active = parts.includes(chip);
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
      </div>
      <label className="field">
        <span>{t("order.note")}</span>
        <input
          value={text}
          maxLength={200}
          placeholder={t("order.notePlaceholder")}
          onChange={(event) => setText(event.target.value)}
          data-testid="note-input"
        />
      </label>
    </Dialog>
  );
}
