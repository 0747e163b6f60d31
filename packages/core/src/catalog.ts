import type { Dong } from "./money.js";

/** The VAT rates Vietnam uses for goods and services sold in shops, in percent. */
export const VAT_RATES = [0, 5, 8, 10] as const;
export type VatRate = (typeof VAT_RATES)[number];

export interface Category {
  readonly id: string;
  readonly name: string;
  readonly sortOrder: number;
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
