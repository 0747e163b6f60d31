import { chooseOptions, dong, itemOptionGroups, lineUnitPrice, type OptionGroup } from "@quay/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Money } from "../../shared/money/money.js";
import { SignedMoney } from "../../shared/money/signed-money.js";
import { FormDialog } from "../components/form-dialog.js";

interface OptionChooserProps {
  readonly item: {
    readonly name: string;
    readonly price: number;
    readonly optionGroupIds?: readonly string[] | undefined;
  };
  readonly groups: readonly OptionGroup[];
  /** The choice the dialog opens with (a line being edited); none: each required group's first option. */
  readonly initial?: readonly string[] | undefined;
  readonly onClose: () => void;
  readonly onChoose: (optionIds: readonly string[]) => Promise<void>;
}

/**
 * Chooses an item's options before it goes on the order: a size as one big segmented choice,
 * toppings as toggles that stop at the group's maximum, and the price of one with them.
 */
export function OptionChooser({ item, groups, initial, onClose, onChoose }: OptionChooserProps) {
  const { t } = useTranslation();
  const offered = itemOptionGroups(item, groups);
  const [chosen, setChosen] = useState<readonly string[]>(
    () =>
      initial ??
      offered.flatMap((group) => {
        const first = group.options.find((option) => option.active);
        return group.minChoices > 0 && first ? [first.id] : [];
      }),
  );
  const result = chooseOptions(item, groups, chosen);
  const unit = lineUnitPrice(dong(item.price), result.ok ? result.options : []);

  const toggle = (group: OptionGroup, optionId: string) => {
    const inGroup = new Set(group.options.map((option) => option.id));
    if (group.maxChoices === 1) {
      setChosen([...chosen.filter((id) => !inGroup.has(id)), optionId]);
      return;
    }
    if (chosen.includes(optionId)) setChosen(chosen.filter((id) => id !== optionId));
    else if (chosen.filter((id) => inGroup.has(id)).length < group.maxChoices)
      setChosen([...chosen, optionId]);
  };

  return (
    <FormDialog
      title={item.name}
      testId="option-chooser"
      className="option-chooser"
      onClose={onClose}
      ready={result.ok}
      submitLabel={t("menu.options.add")}
      onSubmit={() => onChoose(chosen)}
    >
      {offered.map((group) => {
        const picked = chosen.filter((id) => group.options.some((option) => option.id === id)).length;
        const full = group.maxChoices > 1 && picked >= group.maxChoices;
        return (
          <fieldset key={group.id} className="option-group">
            <legend>
              {group.name}{" "}
              <small>
                {group.maxChoices === 1
                  ? t(group.minChoices > 0 ? "menu.options.pickOne" : "menu.options.pickUpToOne")
                  : t("menu.options.pickUpTo", { max: group.maxChoices })}
              </small>
            </legend>
            <div className={group.maxChoices === 1 ? "segmented" : "toggles"}>
              {group.options
                .filter((option) => option.active)
                .map((option) => {
                  const on = chosen.includes(option.id);
                  return (
                    <button
                      key={option.id}
                      type="button"
                      className={on ? "option selected" : "option"}
                      aria-pressed={on}
                      disabled={!on && full}
                      onClick={() => toggle(group, option.id)}
                    >
                      <span>{option.name}</span>
                      {option.price === 0 ? null : (
                        <small>
                          <SignedMoney amount={option.price} />
                        </small>
                      )}
                    </button>
                  );
                })}
            </div>
          </fieldset>
        );
      })}
      <p className="option-price" data-testid="option-price">
        {t("menu.options.price")} <Money amount={unit} />
      </p>
    </FormDialog>
  );
}
