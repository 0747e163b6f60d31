import { all, allIn, placeholders, type Script } from "../sql-script.js";

/** The names of these users, by id; ids the server does not know are left out. */
export function* userNames(ids: Iterable<string>): Script<Map<string, string>> {
  const rows = yield* allIn<{ id: string; name: string }>("SELECT id, name FROM users WHERE id IN (?*)", [
    ...new Set(ids),
  ]);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The stations of these stores, by id. */
export function* storeStations(
  storeIds: readonly string[],
): Script<Map<string, { code: string; name: string }>> {
  const rows = yield* all<{ id: string; code: string; name: string }>(
    `SELECT id, code, name FROM stations WHERE store_id IN (${placeholders(storeIds.length)})`,
    storeIds,
  );
  return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
}

/** The tables of these stores, by id. */
export function* storeTables(storeIds: readonly string[]): Script<Map<string, string>> {
  const rows = yield* all<{ id: string; name: string }>(
    `SELECT id, name FROM dining_tables WHERE store_id IN (${placeholders(storeIds.length)})`,
    storeIds,
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}
