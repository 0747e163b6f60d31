import { all, exec, get, type Script } from "../sql-script.js";

/**
 * Rebuilds every table that is not STRICT as a STRICT one with the same columns, rows and
 * indexes (SQLite cannot ALTER a table to STRICT): a new table from the stored definition, the
 * rows copied, the old one dropped, the new one renamed. A value of the wrong type stops the
 * copy, and the migration with it. It drops tables others refer to, so it must run with foreign
 * keys off; it checks them itself before it ends.
 */
export function* makeTablesStrict(): Script<void> {
  const loose = yield* all<{ name: string }>(
    `SELECT name FROM pragma_table_list
     WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
  );
  if (loose.length === 0) return;
  for (const { name } of loose) {
    // SQLite keeps each definition as `CREATE TABLE <name>` and the rest as it was written.
    const prefix = `CREATE TABLE ${name} `;
    const table = yield* get<{ sql: string }>(
      "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
      [name],
    );
    if (!table?.sql.startsWith(prefix)) throw new Error(`unexpected definition of table ${name}`);
    const indexes = yield* all<{ sql: string }>(
      "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
      [name],
    );
    const rebuilt = `${name}_strict`;
    const definition = `CREATE TABLE ${rebuilt} ${table.sql.slice(prefix.length)}`;
    yield* exec(`${definition} STRICT;
INSERT INTO ${rebuilt} SELECT * FROM ${name};
DROP TABLE ${name};
ALTER TABLE ${rebuilt} RENAME TO ${name};
${indexes.map((index) => `${index.sql};`).join("\n")}`);
  }
  const broken = yield* all<{ table: string; parent: string }>("PRAGMA foreign_key_check");
  if (broken.length > 0) {
    const pairs = broken.map((row) => `${row.table} → ${row.parent}`);
    throw new Error(`foreign keys broken by the rebuild: ${[...new Set(pairs)].join(", ")}`);
  }
}
