import {
  chooseOptions,
  dong,
  itemOptionGroups,
  lineUnitPrice,
  type OptionChoiceResult,
  type OptionGroup,
} from "@quay/core";
import { useState } from "react";

/** What the choice is made for: an item with its price and the groups it offers. */
export interface OptionItem {
  readonly name: string;
  readonly price: number;
  readonly optionGroupIds?: readonly string[] | undefined;
}

export interface OptionChoice {
  /** The item's groups, in its order. */
  readonly offered: readonly OptionGroup[];
  readonly chosen: readonly string[];
  readonly toggle: (group: OptionGroup, optionId: string) => void;
  /** Core's judgement of the choice: whether it may be added, and the options it makes. */
  readonly result: OptionChoiceResult;
  /** The price of one with the options chosen. */
  readonly unitPrice: number;
}

/**
 * The options being chosen for an item, with core's own rules (the station and the server judge
 * the choice again): a single-choice group swaps its option, a multiple one stops at its maximum.
 * Opens with `initial` (a line being edited), else with each required group's first option.
 */
export function useOptionChoice(
  item: OptionItem,
  groups: readonly OptionGroup[],
  initial?: readonly string[],
): OptionChoice {
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
  const unitPrice = lineUnitPrice(dong(item.price), result.ok ? result.options : []);

  const toggle = (group: OptionGroup, optionId: string) => {
    const inGroup = new Set(group.options.map((option) => option.id));
    if (group.maxChoices === 1) {
      const others = chosen.filter((id) => !inGroup.has(id));
      // An optional single choice is taken back by a second tap; a required one stays.
      const off = chosen.includes(optionId) && group.minChoices === 0;
      setChosen(off ? others : [...others, optionId]);
      return;
    }
    if (chosen.includes(optionId)) setChosen(chosen.filter((id) => id !== optionId));
    else if (chosen.filter((id) => inGroup.has(id)).length < group.maxChoices)
      setChosen([...chosen, optionId]);
  };

  return { offered, chosen, toggle, result, unitPrice };
}
