import type { OptionGroup } from "@quay/core";
import { Money } from "../money/money.js";
import { SignedMoney } from "../money/signed-money.js";
import type { OptionChoice } from "./use-option-choice.js";
import "./option-fields.css";

/** The app's words around the choices. */
export interface OptionFieldsText {
  /** How many a group takes: "(chọn 1)" a required one, "(tối đa 1)", "(tối đa 3)". */
  readonly pickOne: string;
  readonly pickUpToOne: string;
  readonly pickUpTo: (max: number) => string;
  /** "Giá 1 phần:" before the price of one. */
  readonly price: string;
}

interface OptionFieldsProps {
  readonly choice: OptionChoice;
  readonly text: OptionFieldsText;
}

/**
 * An item's option groups as big touch targets: a size as one segmented row, toppings as toggles
 * that stop at the group's maximum, and under them the price of one with the choice.
 */
export function OptionFields({ choice, text }: OptionFieldsProps) {
  const { offered, chosen, toggle, unitPrice } = choice;
  return (
    <div className="option-fields">
      {offered.map((group) => {
        const picked = chosen.filter((id) => group.options.some((option) => option.id === id)).length;
        const full = group.maxChoices > 1 && picked >= group.maxChoices;
        return (
          <fieldset key={group.id} className="option-group">
            <legend>
              {group.name} <small>{howMany(group, text)}</small>
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
        {text.price} <Money amount={unitPrice} />
      </p>
    </div>
  );
}

function howMany(group: OptionGroup, text: OptionFieldsText): string {
  if (group.maxChoices > 1) return text.pickUpTo(group.maxChoices);
  return group.minChoices > 0 ? text.pickOne : text.pickUpToOne;
}
