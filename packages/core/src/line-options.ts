import type { Item, OptionGroup } from "./catalog.js";
import { addDong, type Dong, MAX_AMOUNT, maxDong, sumDong, ZERO } from "./money.js";

/**
 * An option chosen on a line, as the catalog had it when it was chosen: the line keeps its name
 * and price, so the fold, receipts and reports never need the catalog.
 */
export interface LineOption {
  readonly groupId: string;
  readonly optionId: string;
  readonly name: string;
  /** Added to the line's unit price; may be 0 or negative (a small size). */
  readonly price: Dong;
}

/** The most an option may add to (or take off) a unit price: 1,000,000 đ either way. */
export const MAX_OPTION_PRICE = 1_000_000;
/** The most options one line carries (every group of an item, all chosen). */
export const MAX_LINE_OPTIONS = 20;
/** The most choices one group allows, and the most options it holds. */
export const MAX_GROUP_CHOICES = 10;
export const MAX_GROUP_OPTIONS = 20;
/** The most option groups one item has. */
export const MAX_ITEM_OPTION_GROUPS = 5;
/** The most quick notes a category offers, and the length of one. */
export const MAX_NOTE_CHIPS = 12;
export const MAX_NOTE_CHIP_CHARS = 40;

/** Why chosen options do not fit the item's groups (the station's and the server's check). */
export const OPTION_CHOICE_CODES = ["OPTION_REQUIRED", "TOO_MANY_OPTIONS", "OPTION_NOT_FOUND"] as const;
export type OptionChoiceCode = (typeof OPTION_CHOICE_CODES)[number];

/**
 * The price of one unit of a line: the item's price plus its options', never below 0 (the fold
 * trusts synced ops; `validateOp` refuses such a choice where it is made). The one place a
 * line's options reach its money (a line discount applies after it).
 */
export function lineUnitPrice(basePrice: Dong, options: readonly LineOption[] | undefined): Dong {
  if (!options || options.length === 0) return basePrice;
  return maxDong(addDong(basePrice, sumDong(options.map((option) => option.price))), ZERO);
}

/** The unit price a line would have with these options, unclamped (for `validateOp`'s bounds). */
export function rawUnitPrice(basePrice: number, options: readonly LineOption[] | undefined): number {
  return (options ?? []).reduce((sum, option) => sum + option.price, basePrice);
}

/** Whether options are well formed on their own: few enough, each once, prices within bounds. */
export function optionsWellFormed(options: readonly LineOption[]): boolean {
  if (options.length > MAX_LINE_OPTIONS) return false;
  if (new Set(options.map((option) => option.optionId)).size !== options.length) return false;
  return options.every(
    (option) => Number.isSafeInteger(option.price) && Math.abs(option.price) <= MAX_OPTION_PRICE,
  );
}

/** Whether a unit price with its options is one a line may have: not negative, within the limit. */
export function unitPriceInRange(unitPrice: number): boolean {
  return Number.isSafeInteger(unitPrice) && unitPrice >= 0 && unitPrice <= MAX_AMOUNT;
}

export type OptionChoiceResult =
  | { readonly ok: true; readonly options: readonly LineOption[] }
  | { readonly ok: false; readonly code: OptionChoiceCode };

/**
 * Checks the chosen option ids against the item's groups as the catalog holds them: every
 * option belongs to one of the item's groups and is active, no group has more than its
 * `maxChoices`, every group with `minChoices` has them. Answers the options in the groups'
 * order (then the options' order), with their names and prices now.
 */
export function chooseOptions(
  item: Pick<Item, "optionGroupIds">,
  groups: readonly OptionGroup[],
  chosenIds: readonly string[],
): OptionChoiceResult {
  const chosen = new Set(chosenIds);
  if (chosen.size !== chosenIds.length) return { ok: false, code: "OPTION_NOT_FOUND" };
  const byId = new Map(groups.map((group) => [group.id, group]));
  const itemGroups = (item.optionGroupIds ?? []).flatMap((id) => byId.get(id) ?? []);
  const options: LineOption[] = [];
  for (const group of itemGroups) {
    const picked = group.options.filter((option) => option.active && chosen.has(option.id));
    if (picked.length > group.maxChoices) return { ok: false, code: "TOO_MANY_OPTIONS" };
    if (picked.length < group.minChoices) return { ok: false, code: "OPTION_REQUIRED" };
    for (const option of picked) {
      options.push({ groupId: group.id, optionId: option.id, name: option.name, price: option.price });
    }
  }
  if (options.length !== chosen.size) return { ok: false, code: "OPTION_NOT_FOUND" };
  return { ok: true, options };
}

/** The groups an item offers, in its order (those the catalog no longer has are left out). */
export function itemOptionGroups(
  item: Pick<Item, "optionGroupIds">,
  groups: readonly OptionGroup[],
): OptionGroup[] {
  const byId = new Map(groups.map((group) => [group.id, group]));
  return (item.optionGroupIds ?? []).flatMap((id) => byId.get(id) ?? []);
}

/** A line's name with its options, as receipts, tickets and reports print it: "Trà sữa (L, Trân châu)". */
export function lineTitle(line: {
  readonly name: string;
  readonly options?: readonly LineOption[] | undefined;
}): string {
  const options = line.options ?? [];
  return options.length === 0 ? line.name : `${line.name} (${options.map((o) => o.name).join(", ")})`;
}

/** Whether two lists of options are the same choice (the same options, in the same order). */
export function sameOptions(a: readonly LineOption[] = [], b: readonly LineOption[] = []): boolean {
  return a.length === b.length && a.every((option, index) => option.optionId === b[index]?.optionId);
}
