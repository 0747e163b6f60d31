import type { LineOption, OptionGroup } from "@quay/core";
import { useState } from "react";
import { NoteChips } from "../../shared/notes/note-chips.js";
import { NoteInput } from "../../shared/notes/note-input.js";
import { OptionFields } from "../../shared/options/option-fields.js";
import { type OptionItem, useOptionChoice } from "../../shared/options/use-option-choice.js";
import { SendDialog } from "../components/send-dialog.js";
import { vi } from "../i18n/vi.js";
import { useText } from "../i18n/waiter-text.js";

export interface LineChoice {
  readonly note: string;
  /** The options chosen, with their names and prices now; absent when the item offers none. */
  readonly options: readonly LineOption[] | undefined;
}

interface LineDialogProps {
  readonly title: string;
  readonly item: OptionItem;
  readonly groups: readonly OptionGroup[];
  /** The item's category's own quick notes (back office); none: the common ones. */
  readonly categoryChips: readonly string[] | undefined;
  /** The line being edited: its options and note; absent for an item being added. */
  readonly initial?: { readonly optionIds: readonly string[]; readonly note: string } | undefined;
  readonly confirmLabel: string;
  /** Saves the choice; a refusal (a line the kitchen has already) shows and the dialog stays. */
  readonly onSave: (choice: LineChoice) => void | Promise<void>;
  readonly onClose: () => void;
}

const COMMON_CHIPS = Object.keys(vi.menu.chips) as (keyof typeof vi.menu.chips)[];

/**
 * One item's options (size, toppings) and note, chosen as it is added or edited before the
 * kitchen has it: big targets for a thumb, the price of one with the choice.
 */
export function LineDialog(props: LineDialogProps) {
  const { title, item, groups, categoryChips, initial, confirmLabel, onSave, onClose } = props;
  const t = useText();
  const choice = useOptionChoice(item, groups, initial?.optionIds);
  const [note, setNote] = useState(initial?.note ?? "");
  const chips =
    categoryChips !== undefined && categoryChips.length > 0
      ? categoryChips
      : COMMON_CHIPS.map((key) => t(`menu.chips.${key}`));

  return (
    <SendDialog
      title={title}
      testId="line-dialog"
      confirmLabel={confirmLabel}
      confirmTestId="line-save"
      ready={choice.result.ok}
      onClose={onClose}
      onSend={() => {
        if (!choice.result.ok) return;
        const options = choice.offered.length === 0 ? undefined : choice.result.options;
        return onSave({ note: note.trim(), options });
      }}
    >
      {choice.offered.length === 0 ? null : (
        <OptionFields
          choice={choice}
          text={{
            pickOne: t("menu.options.pickOne"),
            pickUpToOne: t("menu.options.pickUpToOne"),
            pickUpTo: (max) => t("menu.options.pickUpTo", { max }),
            price: t("menu.options.price"),
          }}
        />
      )}
      <NoteChips chips={chips} note={note} onChange={setNote} />
      <NoteInput
        label={t("order.note")}
        placeholder={t("order.notePlaceholder")}
        note={note}
        onChange={setNote}
      />
    </SendDialog>
  );
}
