import type { Dong } from "./money.js";

/** The VAT rates Vietnam uses for goods and services sold in shops, in percent. */
export const VAT_RATES = [0, 5, 8, 10] as const;
export type VatRate = (typeof VAT_RATES)[number];

export interface Category {
  readonly id: string;
  readonly name: string;
  readonly sortOrder: number;
  /** The quick notes the counter offers for this category's items ("ít đá", "không đường"…). */
  readonly noteChips?: readonly string[] | undefined;
}

export interface Item {
  readonly id: string;
  readonly categoryId: string;
  readonly name: string;
  /** VAT-inclusive unit price. */
  readonly price: Dong;
  readonly vatRate: VatRate;
  /** The selling unit shown on receipts: "ly", "cái", "phần"… */
  readonly unit: string;
  readonly active: boolean;
  /** Sold out for now ("hết món"): greyed on the menu, and a new line of it is refused. */
  readonly soldOut: boolean;
  /** When the last sold-out toggle was made (ISO-8601 UTC; null: never): the latest wins. */
  readonly soldOutAt: string | null;
  /** The shared option groups offered with this item, in the order the chooser shows them. */
  readonly optionGroupIds?: readonly string[] | undefined;
}

/** One choice of an option group: a size, a topping; `price` is added to the item's price. */
export interface OptionChoice {
  readonly id: string;
  readonly name: string;
  /** Added to the unit price; 0 or negative for a smaller size (see `MAX_OPTION_PRICE`). */
  readonly price: Dong;
  readonly active: boolean;
}

/**
 * A group of options shared by the items it is attached to (as KiotViet and Sapo do): a size is
 * `minChoices` 1, `maxChoices` 1 (one, required); toppings `minChoices` 0, `maxChoices` 3.
 */
export interface OptionGroup {
  readonly id: string;
  readonly name: string;
  readonly minChoices: number;
  readonly maxChoices: number;
  readonly sortOrder: number;
  readonly options: readonly OptionChoice[];
}

export interface Area {
  readonly id: string;
  readonly name: string;
  readonly sortOrder: number;
}

export interface Table {
  readonly id: string;
  readonly areaId: string;
  readonly name: string;
  readonly sortOrder: number;
}
