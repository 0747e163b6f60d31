import { useState } from "react";
import { Dialog } from "../../shared/components/dialog.js";
import { DialogButtons } from "../../shared/components/dialog-buttons.js";
import { NoteChips } from "../../shared/notes/note-chips.js";
import { NoteInput } from "../../shared/notes/note-input.js";
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

  return (
    <Dialog
      title={t("order.editNote", { name })}
      onClose={onClose}
      testId="note-dialog"
      actions={
        <DialogButtons
          cancelLabel={t("common.cancel")}
          onCancel={onClose}
          confirmLabel={t("common.save")}
          onConfirm={() => onSave(text.trim())}
          confirmTestId="note-save"
        />
      }
    >
      <NoteChips chips={CHIPS.map((key) => t(`menu.chips.${key}`))} note={text} onChange={setText} />
      <NoteInput
        label={t("order.note")}
        placeholder={t("order.notePlaceholder")}
        note={text}
        onChange={setText}
      />
    </Dialog>
  );
}
