import { dong, type VatRate } from "@quay/core";
import type { CatalogSnapshot, OptionGroupWire } from "@quay/protocol";
import { ServerError } from "../../server-errors.js";
import { all, get, run, type Script, type SqlValue } from "../sql-script.js";
import { listPrinters, unlinkCategory } from "./printers.js";
import { recordStoreChange } from "./store-changes.js";
import { getStore, storeView } from "./stores.js";

export const CATALOG_KINDS = ["categories", "items", "areas", "tables", "optionGroups"] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** How each kind of catalog entry is stored: its table, field → column, and links. */
const SPECS = {
  categories: {
    table: "categories",
    columns: { name: "name", sortOrder: "sort_order", noteChips: "note_chips" },
    parent: null,
    children: { table: "items", column: "category_id" },
  },
  items: {
    table: "items",
    columns: {
      categoryId: "category_id",
      name: "name",
      price: "price",
      vatRate: "vat_rate",
      unit: "unit",
      active: "active",
      optionGroupIds: "option_group_ids",
    },
    parent: { field: "categoryId", table: "categories" },
    children: null,
  },
  areas: {
    table: "areas",
    columns: { name: "name", sortOrder: "sort_order" },
    parent: null,
    children: { table: "dining_tables", column: "area_id" },
  },
  tables: {
    table: "dining_tables",
    columns: { areaId: "area_id", name: "name", sortOrder: "sort_order" },
    parent: { field: "areaId", table: "areas" },
    children: null,
  },
  optionGroups: {
    table: "option_groups",
    columns: {
      name: "name",
      minChoices: "min_choices",
      maxChoices: "max_choices",
      sortOrder: "sort_order",
      options: "options",
    },
    parent: null,
    children: null,
  },
} as const satisfies Record<
  CatalogKind,
  {
    table: string;
    columns: Record<string, string>;
    parent: { field: string; table: string } | null;
    children: { table: string; column: string } | null;
  }
>;

/** A catalog entry's fields as the API gives them (booleans stored as 0/1, lists as JSON text). */
export type CatalogFields = Readonly<
  Record<string, string | number | boolean | readonly unknown[] | undefined>
>;

function columnValues(kind: CatalogKind, fields: CatalogFields): { columns: string[]; values: SqlValue[] } {
  const columns: string[] = [];
  const values: SqlValue[] = [];
  for (const [field, column] of Object.entries(SPECS[kind].columns)) {
    const value = fields[field];
    if (value === undefined) continue;
    columns.push(column);
    if (typeof value === "boolean") values.push(value ? 1 : 0);
    else if (typeof value === "object") values.push(JSON.stringify(value));
    else values.push(value);
  }
  return { columns, values };
}

/** A parent (an item's category, a table's area) must belong to the same store. */
function* checkParent(kind: CatalogKind, storeId: string, fields: CatalogFields): Script<void> {
  const parent = SPECS[kind].parent;
  if (!parent) return;
  const parentId = fields[parent.field];
  if (parentId === undefined) return;
  const row = yield* get(`SELECT id FROM ${parent.table} WHERE id = ? AND store_id = ?`, [
    String(parentId),
    storeId,
  ]);
  if (!row)
    throw new ServerError("NOT_FOUND", `${parent.table} ${String(parentId)} is not in store ${storeId}`);
}

/** Which store an entry belongs to, or undefined when there is no such entry. */
export function* catalogEntryStore(kind: CatalogKind, id: string): Script<string | undefined> {
  const row = yield* get<{ store_id: string }>(`SELECT store_id FROM ${SPECS[kind].table} WHERE id = ?`, [
    id,
  ]);
  return row?.store_id;
}

export function* createCatalogEntry(input: {
  kind: CatalogKind;
  id: string;
  tenantId: string;
  storeId: string;
  fields: CatalogFields;
}): Script<number> {
  yield* checkParent(input.kind, input.storeId, input.fields);
  const { columns, values } = columnValues(input.kind, input.fields);
  yield* run(
    `INSERT INTO ${SPECS[input.kind].table} (id, tenant_id, store_id, ${columns.join(", ")})
     VALUES (?, ?, ?, ${columns.map(() => "?").join(", ")})`,
    [input.id, input.tenantId, input.storeId, ...values],
  );
  return yield* recordStoreChange([input.storeId], { catalog: true, users: false });
}

export function* updateCatalogEntry(input: {
  kind: CatalogKind;
  id: string;
  storeId: string;
  fields: CatalogFields;
}): Script<number> {
  yield* checkParent(input.kind, input.storeId, input.fields);
  const { columns, values } = columnValues(input.kind, input.fields);
  if (columns.length > 0) {
    yield* run(
      `UPDATE ${SPECS[input.kind].table} SET ${columns.map((column) => `${column} = ?`).join(", ")}
       WHERE id = ? AND store_id = ?`,
      [...values, input.id, input.storeId],
    );
  }
  return yield* recordStoreChange([input.storeId], { catalog: true, users: false });
}

export function* deleteCatalogEntry(input: {
  kind: CatalogKind;
  id: string;
  storeId: string;
}): Script<number> {
  const children = SPECS[input.kind].children;
  if (children) {
    const child = yield* get(`SELECT id FROM ${children.table} WHERE ${children.column} = ? LIMIT 1`, [
      input.id,
    ]);
    if (child) throw new ServerError("IN_USE", `${input.kind} ${input.id} still has ${children.table}`);
  }
  // A printer is not filed under a category: it only stops making that category's tickets.
  if (input.kind === "categories") yield* unlinkCategory(input.id);
  // An item offering the group would name a group no longer there: refuse, as for a category.
  if (input.kind === "optionGroups") {
    const user = yield* get("SELECT id FROM items WHERE store_id = ? AND option_group_ids LIKE ? LIMIT 1", [
      input.storeId,
      `%"${input.id}"%`,
    ]);
    if (user) throw new ServerError("IN_USE", `option group ${input.id} is offered with items`);
  }
  yield* run(`DELETE FROM ${SPECS[input.kind].table} WHERE id = ? AND store_id = ?`, [
    input.id,
    input.storeId,
  ]);
  return yield* recordStoreChange([input.storeId], { catalog: true, users: false });
}

interface NamedRow {
  id: string;
  name: string;
  sort_order: number;
}

interface ItemRow {
  id: string;
  category_id: string;
  name: string;
  price: number;
  vat_rate: number;
  unit: string;
  active: number;
  option_group_ids: string;
  sold_out: number;
  sold_out_at: string | null;
}

interface OptionGroupRow {
  id: string;
  name: string;
  min_choices: number;
  max_choices: number;
  sort_order: number;
  options: string;
}

/** A store's option groups as the snapshot and the order routes read them (core's `OptionGroup`). */
export function* optionGroupsOf(storeId: string): Script<OptionGroupWire[]> {
  const rows = yield* all<OptionGroupRow>(
    "SELECT id, name, min_choices, max_choices, sort_order, options FROM option_groups WHERE store_id = ?",
    [storeId],
  );
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      minChoices: row.min_choices,
      maxChoices: row.max_choices,
      sortOrder: row.sort_order,
      options: (JSON.parse(row.options) as OptionGroupWire["options"]).map((option) => ({
        ...option,
        price: dong(option.price),
      })),
    }))
    .sort(byOrderThenName);
}

const ITEM_COLUMNS =
  "id, category_id, name, price, vat_rate, unit, active, option_group_ids, sold_out, sold_out_at";

const byOrderThenName = (a: { sortOrder: number; name: string }, b: { sortOrder: number; name: string }) =>
  a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "vi", { numeric: true });

/** Everything a station needs to sell: the store, its menu, its floor and its active printers. */
export function* catalogSnapshot(storeId: string): Script<CatalogSnapshot | undefined> {
  const store = yield* getStore(storeId);
  if (!store) return undefined;
  const categories = yield* all<NamedRow & { note_chips: string }>(
    "SELECT id, name, sort_order, note_chips FROM categories WHERE store_id = ?",
    [storeId],
  );
  const items = yield* all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE store_id = ?`, [storeId]);
  const areas = yield* all<NamedRow>("SELECT id, name, sort_order FROM areas WHERE store_id = ?", [storeId]);
  const tables = yield* all<NamedRow & { area_id: string }>(
    "SELECT id, area_id, name, sort_order FROM dining_tables WHERE store_id = ?",
    [storeId],
  );
  const named = (row: NamedRow) => ({ id: row.id, name: row.name, sortOrder: row.sort_order });
  return {
    store: storeView(store),
    categories: categories
      .map((row) => ({ ...named(row), noteChips: JSON.parse(row.note_chips) as string[] }))
      .sort(byOrderThenName),
    items: items
      .map((row) => ({
        id: row.id,
        categoryId: row.category_id,
        name: row.name,
        price: row.price,
        vatRate: row.vat_rate as VatRate,
        unit: row.unit,
        active: row.active === 1,
        optionGroupIds: JSON.parse(row.option_group_ids) as string[],
        soldOut: row.sold_out === 1,
        soldOutAt: row.sold_out_at,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi", { numeric: true })),
    areas: areas.map(named).sort(byOrderThenName),
    tables: tables
      .map((row) => ({ ...named(row), areaId: row.area_id }))
      .sort((a, b) => a.areaId.localeCompare(b.areaId) || byOrderThenName(a, b)),
    printers: (yield* listPrinters(storeId)).filter((printer) => printer.active),
    optionGroups: yield* optionGroupsOf(storeId),
  };
}

/** One item of a store, for adding it to an order. */
export function* findItem(storeId: string, itemId: string) {
  const row = yield* get<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = ? AND store_id = ?`, [
    itemId,
    storeId,
  ]);
  return (
    row && {
      id: row.id,
      name: row.name,
      price: dong(row.price),
      vatRate: row.vat_rate as VatRate,
      active: row.active === 1,
      optionGroupIds: JSON.parse(row.option_group_ids) as string[],
      soldOut: row.sold_out === 1,
    }
  );
}

export function* tableExists(storeId: string, tableId: string): Script<boolean> {
  return (
    (yield* get("SELECT id FROM dining_tables WHERE id = ? AND store_id = ?", [tableId, storeId])) !==
    undefined
  );
}
