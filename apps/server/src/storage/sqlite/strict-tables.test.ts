import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { testEngines } from "../../test-support/engines.test-support.js";
import { OpFactory } from "../../test-support/ops.test-support.js";
import { TestServer } from "../../test-support/test-server.test-support.js";
import { SQLITE_FILE_NAME } from "../open-storage.js";
import { schemaMigrations } from "../schema.js";
import { SQLITE_DIALECT, SqliteStorage } from "./sqlite-storage.js";

/** Migrations 1–4 as they were before tables said STRICT. */
const LOOSE_HISTORY = schemaMigrations({ ...SQLITE_DIALECT, tableOptions: "" }).filter(
  (migration) => migration.version < 5,
);

/** A database that migrations 1–4 made before they said STRICT, recorded as their runner did. */
function looseDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("foreign_keys = OFF");
  db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)");
  for (const migration of LOOSE_HISTORY) {
    db.exec(String(migration.steps));
    db.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(
      migration.version,
      migration.name,
      "2026-11-01T00:00:00.000Z",
    );
  }
  return db;
}

const userTables = (db: Database.Database) =>
  db
    .prepare<[], { name: string; strict: number }>(
      "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all();

/** Tables with their columns and rows, and the indexes, for comparing two databases. */
function contents(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = userTables(db).map(({ name, strict }) => ({
      name,
      strict,
      columns: db.pragma(`table_info(${name})`),
      rows: name === "schema_migrations" ? [] : db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all(),
    }));
    const indexes = db
      .prepare("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name")
      .all();
    return { tables, indexes, brokenKeys: db.pragma("foreign_key_check") };
  } finally {
    db.close();
  }
}

describe("SQLite tables made before migration 5", () => {
  const engine = testEngines()[0];
  if (engine?.name !== "sqlite") throw new Error("SQLite is the first test engine");
  const dirs: string[] = [];
  const freshFile = () => {
    const dir = mkdtempSync(join(tmpdir(), "quay-strict-test-"));
    dirs.push(dir);
    return join(dir, SQLITE_FILE_NAME);
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => engine.dispose());

  it("are rebuilt as STRICT with every row and index, like a new database's", async () => {
    const server = await TestServer.start(engine);
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    server.clock.set(Date.parse("2026-11-28T09:00:00.000Z")); // the sales below are past
    const factory = new OpFactory(a1, station.stationId, server.world.users.cashierA.id);
    const paid = factory.invoice({ at: "2026-11-28T07:45:00.000Z", paid: true, lines: 3 });
    const open = factory.invoice({ at: "2026-11-28T08:00:00.000Z" });
    await server.push(station.deviceToken, [...paid.ops, ...open.ops]);
    await server.close();
    const [, dataDir] = server.db.processEnv.args;
    const filledFile = join(dataDir ?? "", SQLITE_FILE_NAME);
    const filled = contents(filledFile);

    // The same rows in the tables of an older version.
    const file = freshFile();
    const old = looseDatabase(file);
    old.prepare("ATTACH DATABASE ? AS filled").run(filledFile);
    // Tables made after migration 4 come with the later migrations, empty; a new database's are too.
    const oldTables = new Set(userTables(old).map((table) => table.name));
    for (const { name, rows, columns } of filled.tables.filter(
      (table) => table.name !== "schema_migrations",
    )) {
      if (oldTables.has(name)) {
        // The columns both versions have: later migrations reshape some tables (migration 10);
        // a column only the old one has gets a value of its type, which the STRICT copy keeps.
        const now = new Set((columns as { name: string }[]).map((column) => column.name));
        const had = old.pragma(`main.table_info(${name})`) as { name: string; notnull: number }[];
        const values = had.map((column) =>
          now.has(column.name) ? column.name : column.notnull ? "0" : "NULL",
        );
        old.exec(
          `DELETE FROM main.${name}; INSERT INTO main.${name} (${had.map((column) => column.name)}) SELECT ${values} FROM filled.${name}`,
        );
      } else expect(rows).toEqual([]);
    }
    old.exec("DETACH DATABASE filled");
    expect(userTables(old).every((table) => table.strict === 0)).toBe(true);
    old.close();

    await new SqliteStorage({ file }).close();
    const migrated = contents(file);
    expect(migrated.tables.every((table) => table.strict === 1)).toBe(true);
    // Which station pushed an op is known only from migration 9 on: older rows say none.
    const laterColumns = new Map([["ops", ["pushed_by"]]]);
    const expected = {
      ...filled,
      tables: filled.tables.map((table) => ({
        ...table,
        rows: table.rows.map((row) => ({
          ...(row as object),
          ...Object.fromEntries((laterColumns.get(table.name) ?? []).map((column) => [column, null])),
        })),
      })),
    };
    expect(migrated).toEqual(expected);
    expect(filled.tables.find((table) => table.name === "ops")?.rows.length).toBe(
      paid.ops.length + open.ops.length,
    );
  });

  it("stop at a value of the wrong type and stay as they were", async () => {
    const file = freshFile();
    const old = looseDatabase(file);
    old
      .prepare("INSERT INTO device_counters (tenant_id, device_id, last) VALUES ('t', 'web-1', 'many')")
      .run();
    old.close();

    expect(() => new SqliteStorage({ file })).toThrow(/cannot store TEXT value in INTEGER column/);
    const after = contents(file);
    expect(after.tables.every((table) => table.strict === 0)).toBe(true);
    expect(after.tables.find((table) => table.name === "device_counters")?.rows).toEqual([
      { tenant_id: "t", device_id: "web-1", last: "many" },
    ]);
  });
});
