import { randomUUID } from "node:crypto";
import type { Op, OpData, OpKind } from "@quay/core";
import type { CatalogSnapshot, Printer } from "@quay/protocol";

/** The kitchen's category and dish added to a catalog, beside its drinks (the bar's). */
export const FOOD_CATEGORY_ID = "0190a000-0000-7000-8000-0000000000c1";
export const FOOD_ITEM_ID = "0190a000-0000-7000-8000-0000000000c2";
export const BAR_PRINTER_ID = "0190a000-0000-7000-8000-0000000000d1";
export const KITCHEN_PRINTER_ID = "0190a000-0000-7000-8000-0000000000d2";
export const RECEIPT_PRINTER_ID = "0190a000-0000-7000-8000-0000000000d3";

/**
 * A catalog with a kitchen dish ("Bánh mì ốp la") beside the drinks, a "Bar" printer making
 * every other category and a "Bếp" printer making the dish; `receipt` adds a receipt printer,
 * and `store` merges settings into the store (those the schema may not know yet).
 * `kitchenCategoryIds`: the kitchen makes these of the catalog's own categories instead (no dish
 * is added), the bar the rest.
 */
export function catalogWithPrinters(
  base: CatalogSnapshot,
  addresses: { bar: string; kitchen: string; receipt?: string },
  options: {
    vietnamese?: Printer["vietnamese"];
    width?: Printer["width"];
    store?: object;
    kitchenCategoryIds?: readonly string[];
  } = {},
): CatalogSnapshot {
  const kitchenMakes = options.kitchenCategoryIds;
  const printer = (
    id: string,
    name: string,
    address: string,
    kind: Printer["kind"],
    categoryIds: string[],
  ) => ({
    id,
    name,
    address,
    kind,
    categoryIds,
    width: options.width ?? 80,
    vietnamese: options.vietnamese ?? "tcvn3",
    active: true,
  });
  const printers = (barMakes: string[], kitchen: string[]) => [
    printer(BAR_PRINTER_ID, "Bar", addresses.bar, "kitchen", barMakes),
    printer(KITCHEN_PRINTER_ID, "Bếp", addresses.kitchen, "kitchen", kitchen),
    ...(addresses.receipt ? [printer(RECEIPT_PRINTER_ID, "Quầy", addresses.receipt, "receipt", [])] : []),
  ];
  const ownCategories = base.categories.map((category) => category.id);
  if (kitchenMakes) {
    const bar = ownCategories.filter((id) => !kitchenMakes.includes(id));
    return {
      ...base,
      store: { ...base.store, ...options.store },
      printers: printers(bar, [...kitchenMakes]),
    };
  }
  return {
    ...base,
    store: { ...base.store, ...options.store },
    categories: [...base.categories, { id: FOOD_CATEGORY_ID, name: "Bánh", sortOrder: 9 }],
    items: [
      ...base.items,
      {
        id: FOOD_ITEM_ID,
        categoryId: FOOD_CATEGORY_ID,
        name: "Bánh mì ốp la",
        price: 30_000,
        vatRate: 8,
        unit: "phần",
        active: true,
        soldOut: false,
        soldOutAt: null,
      },
    ],
    printers: [
      printer(
        BAR_PRINTER_ID,
        "Bar",
        addresses.bar,
        "kitchen",
        base.categories.map((category) => category.id),
      ),
      printer(KITCHEN_PRINTER_ID, "Bếp", addresses.kitchen, "kitchen", [FOOD_CATEGORY_ID]),
      ...(addresses.receipt ? [printer(RECEIPT_PRINTER_ID, "Quầy", addresses.receipt, "receipt", [])] : []),
    ],
  };
}

/** Ops as a waiter's phone makes them (a `web-<session>` device), stamped now. */
export function phone(orderId: string, userId: string, session = "phone-session") {
  let seq = 0;
  return <K extends OpKind>(kind: K, data: OpData[K]): Op =>
    ({
      id: randomUUID(),
      orderId,
      deviceId: `web-${session}`,
      deviceSeq: ++seq,
      at: new Date(Date.now() + seq).toISOString(),
      userId,
      kind,
      data,
    }) as Op;
}
