import type { OptionGroup } from "@quay/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NoteChips } from "../../shared/notes/note-chips.js";
import { NoteInput } from "../../shared/notes/note-input.js";
import { OptionFields } from "../../shared/options/option-fields.js";
import { useOptionChoice } from "../../shared/options/use-option-choice.js";
import type { MenuItem, OrderLine } from "../api/station-types.js";
import { FormDialog } from "../components/form-dialog.js";
import { useNoteChips } from "../menu/use-note-chips.js";
import { useOptionText } from "../menu/use-option-text.js";

export interface LineEdit {
  readonly note: string | null;
  /** Left out when the item offers no options. */
  readonly optionIds?: readonly string[];
}

interface LineEditDialogProps {
  readonly line: OrderLine;
  /** The line's item as the menu has it now (its groups); absent once taken off the menu. */
  readonly item: MenuItem | undefined;
  readonly groups: readonly OptionGroup[];
  /** The quick notes of the item's category (none: the common ones). */
  readonly categoryChips: readonly string[] | undefined;
  readonly onClose: () => void;
  readonly onSave: (edit: LineEdit) => Promise<void>;
}

/**
 * "Sửa món": a line's options and note, changed before the kitchen has it. The station refuses
 * once its ticket printed or the bar made it (LINE_SENT), and the dialog says so.
 */
export function LineEditDialog({ line, item, groups, categoryChips, onClose, onSave }: LineEditDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState(line.note ?? "");
  const chips = useNoteChips(categoryChips);
  const optionText = useOptionText();
  const choice = useOptionChoice(
    item ?? { name: line.name, price: line.basePrice ?? line.unitPrice },
    groups,
    (line.options ?? []).map((option) => option.optionId),
  );
  const offersOptions = choice.offered.length > 0;
  return (
    <FormDialog
      title={t("editLine.title", { name: line.name })}
      testId="line-edit-dialog"
      onClose={onClose}
      ready={!offersOptions || choice.result.ok}
      submitLabel={t("common.save")}
      onSubmit={() =>
        onSave({
          note: note.trim() === "" ? null : note.trim(),
          ...(offersOptions ? { optionIds: choice.chosen } : {}),
        })
      }
    >
      {offersOptions ? <OptionFields choice={choice} text={optionText} /> : null}
      <NoteInput
        label={t("editLine.note")}
        placeholder={t("menu.notePlaceholder")}
        note={note}
        onChange={setNote}
      />
      <NoteChips chips={chips} note={note} onChange={setNote} />
    </FormDialog>
  );
}
