import type { OptionGroup } from "@quay/core";
import { useTranslation } from "react-i18next";
import { OptionFields } from "../../shared/options/option-fields.js";
import { type OptionItem, useOptionChoice } from "../../shared/options/use-option-choice.js";
import { FormDialog } from "../components/form-dialog.js";
import { useOptionText } from "./use-option-text.js";

interface OptionChooserProps {
  readonly item: OptionItem;
  readonly groups: readonly OptionGroup[];
  readonly onClose: () => void;
  readonly onChoose: (optionIds: readonly string[]) => Promise<void>;
}

/** Chooses an item's options before it goes on the order, with the price of one with them. */
export function OptionChooser({ item, groups, onClose, onChoose }: OptionChooserProps) {
  const { t } = useTranslation();
  const choice = useOptionChoice(item, groups);
  const optionText = useOptionText();
  return (
    <FormDialog
      title={item.name}
      testId="option-chooser"
      onClose={onClose}
      ready={choice.result.ok}
      submitLabel={t("menu.options.add")}
      onSubmit={() => onChoose(choice.chosen)}
    >
      <OptionFields choice={choice} text={optionText} />
    </FormDialog>
  );
}
