import { afterAll, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";

interface Column {
  table: string;
  name: string;
  type: string;
  nullable: boolean;
}

/** The engines' column types that hold the same values. A new type must be added here to compare. */
const COMPARABLE_TYPES: Record<string, string> = {
  INTEGER: "integer",
  integer: "integer",
  bigint: "integer",
  TEXT: "text",
  text: "text",
};

const comparable = (type: string) => COMPARABLE_TYPES[type] ?? `unknown type ${type}`;

const engines = testEngines();

describe.skipIf(engines.length < 2)("the schema on SQLite and on PostgreSQL", () => {
  afterAll(() => Promise.all(engines.map((engine) => engine.dispose())));

  it("ends with the same tables and columns, of comparable types and nullability", async () => {
    const [sqlite, postgres] = await Promise.all(
      engines.map(async (engine) => {
        const db = await engine.fresh();
        await (await db.open()).close();
        return db;
      }),
    );
    const sqliteColumns = await sqlite?.query<{
      table: string;
      name: string;
      type: string;
      notnull: number;
      pk: number;
    }>(
      `SELECT m.name AS "table", c.name, c.type, c."notnull", c.pk
       FROM sqlite_schema m JOIN pragma_table_info(m.name) c
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, c.cid`,
    );
    const postgresColumns = await postgres?.query<{
      table: string;
      name: string;
      type: string;
      is_nullable: string;
    }>(
      `SELECT table_name AS "table", column_name AS name, data_type AS type, is_nullable
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    // An INTEGER PRIMARY KEY is never NULL on SQLite (it is the rowid), though not marked NOT NULL.
    const onSqlite: Column[] = (sqliteColumns ?? []).map((column) => ({
      table: column.table,
      name: column.name,
      type: comparable(column.type),
      nullable: column.notnull === 0 && column.pk === 0,
    }));
    const onPostgres: Column[] = (postgresColumns ?? []).map((column) => ({
      table: column.table,
      name: column.name,
      type: comparable(column.type),
      nullable: column.is_nullable === "YES",
    }));
    expect(new Set(onSqlite.map((column) => column.table)).size).toBeGreaterThan(15);
    expect(onSqlite).toEqual(onPostgres);
  });
});
