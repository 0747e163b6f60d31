import { all, exec, num, run, type Script } from "./sql-script.js";

/** One step of a database schema, applied once, in `version` order, at start. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Its statements; or, for a step that must read the database first, the script that does it. */
  readonly steps: string | (() => Script<void>);
}

/**
 * Applies the migrations the database has not recorded, in version order, inside the caller's
 * one transaction: a database is at the version it had or at the newest, never half-way.
 * `tableOptions` ends the bookkeeping table's definition, as the dialect's ends every table's.
 */
export function* migrate(migrations: readonly Migration[], tableOptions: string): Script<void> {
  yield* exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)${tableOptions}`,
  );
  const applied = new Set(
    (yield* all("SELECT version FROM schema_migrations")).map((row) => num(row, "version")),
  );
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    if (typeof migration.steps !== "string") yield* migration.steps();
    else if (migration.steps.trim() !== "") yield* exec(migration.steps);
    yield* run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
      migration.version,
      migration.name,
      new Date().toISOString(),
    ]);
  }
}
