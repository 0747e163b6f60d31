import { dong, MAX_GROUP_CHOICES, MAX_GROUP_OPTIONS, MAX_OPTION_PRICE } from "@quay/core";
import { newUuid } from "../../shared/id/new-uuid.js";
import type { OptionGroup, OptionGroupFields } from "../api/admin-types.js";

/** One option's row in the group dialog, as typed. */
export interface OptionRow {
  /** Tells the rows apart while they are edited: the option's id, or one made up for a new row. */
  readonly key: string;
  /** The option's id on the server; a row without one is a new option. */
  readonly id: string | null;
  readonly name: string;
  /** Added to the item's price, in đồng (negative for a smaller size); null until typed. */
  readonly price: number | null;
  readonly active: boolean;
}

/** The option group dialog's fields, as typed. */
export interface OptionGroupForm {
  readonly name: string;
  /** One choice at least (a size), or none needed (toppings). */
  readonly required: boolean;
  readonly maxChoices: number;
  readonly options: readonly OptionRow[];
}

export type OptionGroupProblem =
  | "maxChoicesInvalid"
  | "noOptions"
  | "tooManyOptions"
  | "optionNameRequired"
  | "optionNameRepeated"
  | "optionPriceInvalid"
  | "requiredWithoutActive";

/** The names the server allows a group and an option (the protocol's `Text(60)`). */
export const GROUP_NAME_CHARS = 60;

/** A row for a new option: no name or price yet, on sale. */
export function newOptionRow(): OptionRow {
  return { key: newUuid(), id: null, name: "", price: null, active: true };
}

/** The dialog's fields for a group, or for a new one (one empty row, nothing required). */
export function optionGroupForm(group: OptionGroup | null): OptionGroupForm {
  if (group === null) return { name: "", required: false, maxChoices: 1, options: [newOptionRow()] };
  return {
    name: group.name,
    required: group.minChoices > 0,
    maxChoices: group.maxChoices,
    options: group.options.map((option) => ({ key: option.id, ...option })),
  };
}

/** What keeps the group from being sent as it stands (core's limits, as the server checks them), if anything. */
export function optionGroupProblem(form: OptionGroupForm): OptionGroupProblem | null {
  const { maxChoices, options } = form;
  if (!Number.isInteger(maxChoices) || maxChoices < 1 || maxChoices > MAX_GROUP_CHOICES) {
    return "maxChoicesInvalid";
  }
  if (options.length === 0) return "noOptions";
  if (options.length > MAX_GROUP_OPTIONS) return "tooManyOptions";
  const names = options.map((option) => option.name.trim());
  if (names.some((name) => name === "")) return "optionNameRequired";
  if (new Set(names.map((name) => name.toLocaleLowerCase("vi"))).size !== names.length) {
    return "optionNameRepeated";
  }
  const priceFits = (price: number | null) =>
    price !== null && Number.isSafeInteger(price) && Math.abs(price) <= MAX_OPTION_PRICE;
  if (!options.every((option) => priceFits(option.price))) return "optionPriceInvalid";
  // A required group with nothing to choose would stop its items from being sold at all.
  if (form.required && !options.some((option) => option.active)) return "requiredWithoutActive";
  return null;
}

/** The group as the catalog routes take it, trimmed; call once `optionGroupProblem` finds nothing. */
export function optionGroupFields(form: OptionGroupForm, sortOrder: number): OptionGroupFields {
  return {
    name: form.name.trim(),
    minChoices: form.required ? 1 : 0,
    maxChoices: form.maxChoices,
    sortOrder,
    options: form.options.map((option) => ({
      ...(option.id === null ? {} : { id: option.id }),
      name: option.name.trim(),
      price: dong(option.price ?? 0),
      active: option.active,
    })),
  };
}
