import type { Printer } from "@quay/protocol";
import { ServerError } from "../../server-errors.js";
import { all, allIn, get, insertMany, run, type Script } from "../sql-script.js";
import { recordStoreChange } from "./store-changes.js";

/** The most printers a store has: the catalog snapshot carries at most this many. */
export const MAX_PRINTERS_PER_STORE = 50;

/** A printer's fields as the API sets them (`id` aside). */
export type PrinterFields = Omit<Printer, "id">;

interface PrinterRow {
  id: string;
  name: string;
  address: string;
  kind: string;
  width: number;
  vietnamese: string;
  active: number;
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, "vi", { numeric: true });

/** The store's printers by name, inactive ones too; each lists its categories in id order. */
export function* listPrinters(storeId: string): Script<Printer[]> {
  const rows = yield* all<PrinterRow>(
    "SELECT id, name, address, kind, width, vietnamese, active FROM printers WHERE store_id = ?",
    [storeId],
  );
  const links = yield* allIn<{ printer_id: string; category_id: string }>(
    "SELECT printer_id, category_id FROM printer_categories WHERE printer_id IN (?*) ORDER BY category_id",
    rows.map((row) => row.id),
  );
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      address: row.address,
      kind: row.kind as Printer["kind"],
      categoryIds: links.filter((link) => link.printer_id === row.id).map((link) => link.category_id),
      width: row.width as Printer["width"],
      vietnamese: row.vietnamese as Printer["vietnamese"],
      active: row.active === 1,
    }))
    .sort(byName);
}

/** Which store a printer belongs to, or undefined when there is no such printer. */
export function* printerStore(id: string): Script<string | undefined> {
  const row = yield* get<{ store_id: string }>("SELECT store_id FROM printers WHERE id = ?", [id]);
  return row?.store_id;
}

/** Every category a printer is given must be one of its store's. */
function* checkCategories(storeId: string, categoryIds: readonly string[]): Script<void> {
  const unique = [...new Set(categoryIds)];
  const found = yield* allIn<{ id: string }>(
    "SELECT id FROM categories WHERE store_id = ? AND id IN (?*)",
    unique,
    [storeId],
  );
  if (found.length < unique.length) {
    const known = new Set(found.map((row) => row.id));
    const missing = unique.filter((id) => !known.has(id));
    throw new ServerError("UNKNOWN_CATEGORY", `not categories of store ${storeId}: ${missing.join(", ")}`);
  }
}

function* linkCategories(tenantId: string, printerId: string, categoryIds: readonly string[]): Script<void> {
  yield* run("DELETE FROM printer_categories WHERE printer_id = ?", [printerId]);
  yield* insertMany(
    "INSERT INTO printer_categories (tenant_id, printer_id, category_id) VALUES (?, ?, ?)",
    [...new Set(categoryIds)].map((categoryId) => [tenantId, printerId, categoryId]),
  );
}

/** Adds a printer to the store; its stations get it with the catalog on their next pull. */
export function* createPrinter(input: {
  id: string;
  tenantId: string;
  storeId: string;
  fields: PrinterFields;
}): Script<number> {
  const { fields } = input;
  const count = yield* get<{ n: number }>("SELECT COUNT(*) AS n FROM printers WHERE store_id = ?", [
    input.storeId,
  ]);
  if (Number(count?.n ?? 0) >= MAX_PRINTERS_PER_STORE) {
    throw new ServerError("TOO_MANY_PRINTERS", `store ${input.storeId} has ${MAX_PRINTERS_PER_STORE}`);
  }
  yield* checkCategories(input.storeId, fields.categoryIds);
  yield* run(
    `INSERT INTO printers (id, tenant_id, store_id, name, address, kind, width, vietnamese, active)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      input.id,
      input.tenantId,
      input.storeId,
      fields.name,
      fields.address,
      fields.kind,
      fields.width,
      fields.vietnamese,
      fields.active ? 1 : 0,
    ],
  );
  yield* linkCategories(input.tenantId, input.id, fields.categoryIds);
  return yield* recordStoreChange([input.storeId], { catalog: true, users: false });
}

const COLUMNS = {
  name: "name",
  address: "address",
  kind: "kind",
  width: "width",
  vietnamese: "vietnamese",
  active: "active",
} as const satisfies Partial<Record<keyof PrinterFields, string>>;

/** Changes the fields given; `categoryIds`, when given, replaces the printer's categories. */
export function* updatePrinter(input: {
  id: string;
  tenantId: string;
  storeId: string;
  fields: Partial<PrinterFields>;
}): Script<number> {
  const { fields } = input;
  if (fields.categoryIds !== undefined) yield* checkCategories(input.storeId, fields.categoryIds);
  const changes = Object.entries(COLUMNS).flatMap(([field, column]) => {
    const value = fields[field as keyof typeof COLUMNS];
    if (value === undefined) return [];
    return [{ column, value: typeof value === "boolean" ? (value ? 1 : 0) : value }];
  });
  if (changes.length > 0) {
    yield* run(
      `UPDATE printers SET ${changes.map((change) => `${change.column} = ?`).join(", ")}
       WHERE id = ? AND store_id = ?`,
      [...changes.map((change) => change.value), input.id, input.storeId],
    );
  }
  if (fields.categoryIds !== undefined) yield* linkCategories(input.tenantId, input.id, fields.categoryIds);
  return yield* recordStoreChange([input.storeId], { catalog: true, users: false });
}

export function* deletePrinter(input: { id: string; storeId: string }): Script<number> {
  yield* run("DELETE FROM printer_categories WHERE printer_id = ?", [input.id]);
  yield* run("DELETE FROM printers WHERE id = ? AND store_id = ?", [input.id, input.storeId]);
  return yield* recordStoreChange([input.storeId], { catalog: true, users: false });
}

/** A category leaves the printers that made its tickets before it is deleted. */
export function* unlinkCategory(categoryId: string): Script<void> {
  yield* run("DELETE FROM printer_categories WHERE category_id = ?", [categoryId]);
}
