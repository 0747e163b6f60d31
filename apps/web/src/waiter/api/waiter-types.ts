import type { CatalogSnapshot, OrderView } from "@quay/protocol";

/** What the server's calls answer with, from the protocol's schemas. */
export type Order = OrderView;
export type OrderLine = Order["lines"][number];
export type Catalog = CatalogSnapshot;
export type MenuItem = Catalog["items"][number];
export type Category = Catalog["categories"][number];
export type Area = Catalog["areas"][number];
export type Table = Catalog["tables"][number];

/** An open order on the table map (`GET /api/floor`), with who opened it. */
export interface FloorOrder extends Order {
  readonly openedBy: { readonly id: string; readonly name: string | null } | null;
}

export interface LineRequest {
  readonly lineId: string;
  readonly itemId: string;
  readonly quantity: number;
  readonly note: string;
  /** The options chosen, by id (the server checks them against the item's groups). */
  readonly options?: readonly { readonly optionId: string }[];
}
