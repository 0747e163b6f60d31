/**
 * Storage logic is written once, as generator "scripts" that yield SQL requests, and driven by
 * either engine: SQLite runs a script to completion synchronously inside one better-sqlite3
 * transaction (nothing awaits inside it), PostgreSQL awaits each request on one client inside
 * BEGIN … COMMIT. SQL is written with `?` placeholders in the subset both engines share.
 */

/** A value bound to a placeholder. Booleans are stored as 0/1 on both engines. */
export type SqlValue = string | number | null;

export type Row = Record<string, SqlValue>;

/** What an engine-specific step needs to know about the change it publishes. */
export interface ChangeNotice {
  readonly tenantId: string;
  readonly storeId: string;
  /** The store's head sequence after the change. */
  readonly cursor: number;
  /** Orders whose projection changed; null when too many to list (listeners refetch). */
  readonly orderIds: readonly string[] | null;
  readonly catalog: boolean;
  readonly users: boolean;
}

export type SqlRequest =
  | { readonly kind: "all"; readonly sql: string; readonly params: readonly SqlValue[] }
  | { readonly kind: "run"; readonly sql: string; readonly params: readonly SqlValue[] }
  /** Statements without parameters, separated by semicolons (migrations). */
  | { readonly kind: "exec"; readonly sql: string }
  /**
   * One single-row `INSERT … VALUES (?, …) [ON CONFLICT …] [RETURNING …]` for many rows: SQLite
   * runs the prepared statement per row, PostgreSQL sends multi-row VALUES in a few round trips.
   * Answers an `InsertedRows`.
   */
  | { readonly kind: "insertMany"; readonly sql: string; readonly rows: readonly (readonly SqlValue[])[] }
  /** Takes `count` fresh values of the database's one server sequence, increasing. */
  | { readonly kind: "nextSeqs"; readonly count: number }
  /** Serialises writers of one store until the transaction ends (PostgreSQL; SQLite has one writer). */
  | { readonly kind: "lockStores"; readonly storeIds: readonly string[] }
  /** Tells listeners (SSE streams, other server instances) once the transaction commits. */
  | { readonly kind: "publish"; readonly notice: ChangeNotice };

/** A storage script: yields requests, receives their results, returns `T`. */
export type Script<T> = Generator<SqlRequest, T, unknown>;

export function* all<R = Row>(sql: string, params: readonly SqlValue[] = []): Script<R[]> {
  return (yield { kind: "all", sql, params }) as R[];
}

export function* get<R = Row>(sql: string, params: readonly SqlValue[] = []): Script<R | undefined> {
  const rows = yield* all<R>(sql, params);
  return rows[0];
}

/** Runs a statement; returns the number of rows it changed. */
export function* run(sql: string, params: readonly SqlValue[] = []): Script<number> {
  return (yield { kind: "run", sql, params }) as number;
}

/** Runs statements that take no parameters, as many as `sql` holds. */
export function* exec(sql: string): Script<void> {
  yield { kind: "exec", sql };
}

/** What an `insertMany` request answers: the rows of its RETURNING clause, and how many rows it wrote. */
export interface InsertedRows {
  readonly rows: Row[];
  readonly changes: number;
}

/** Inserts many rows with one single-row INSERT statement; returns the rows of its RETURNING clause. */
export function* insertMany<R = Row>(sql: string, rows: readonly (readonly SqlValue[])[]): Script<R[]> {
  if (rows.length === 0) return [];
  return ((yield { kind: "insertMany", sql, rows }) as InsertedRows).rows as R[];
}

/**
 * `insertMany` without a RETURNING clause; returns how many rows it wrote (an `ON CONFLICT DO
 * NOTHING` skips some): no row comes back to count them one by one.
 */
export function* insertManyCounted(sql: string, rows: readonly (readonly SqlValue[])[]): Script<number> {
  if (rows.length === 0) return 0;
  return ((yield { kind: "insertMany", sql, rows }) as InsertedRows).changes;
}

export function* nextSeqs(count: number): Script<number[]> {
  if (count === 0) return [];
  return (yield { kind: "nextSeqs", count }) as number[];
}

export function* lockStores(storeIds: readonly string[]): Script<void> {
  if (storeIds.length > 0) yield { kind: "lockStores", storeIds: [...new Set(storeIds)].sort() };
}

export function* publish(notice: ChangeNotice): Script<void> {
  yield { kind: "publish", notice };
}

/** The largest id list one `IN (…)` carries; longer lists are split. */
export const IN_LIST_CHUNK = 500;

/** `?, ?, ?` for `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/**
 * Runs `SELECT … WHERE column IN (<ids>)` in chunks and concatenates the rows. `sql` contains
 * the marker `IN (?*)` where the list goes; `before`/`after` are the other parameters.
 */
export function* allIn<R = Row>(
  sql: string,
  ids: readonly string[],
  before: readonly SqlValue[] = [],
  after: readonly SqlValue[] = [],
): Script<R[]> {
  const rows: R[] = [];
  for (let start = 0; start < ids.length; start += IN_LIST_CHUNK) {
    const chunk = ids.slice(start, start + IN_LIST_CHUNK);
    const chunkSql = sql.replace("IN (?*)", `IN (${placeholders(chunk.length)})`);
    rows.push(...(yield* all<R>(chunkSql, [...before, ...chunk, ...after])));
  }
  return rows;
}

/** Like `allIn` for statements that change rows; returns how many changed. */
export function* runIn(
  sql: string,
  ids: readonly string[],
  before: readonly SqlValue[] = [],
): Script<number> {
  let changed = 0;
  for (let start = 0; start < ids.length; start += IN_LIST_CHUNK) {
    const chunk = ids.slice(start, start + IN_LIST_CHUNK);
    changed += yield* run(sql.replace("IN (?*)", `IN (${placeholders(chunk.length)})`), [
      ...before,
      ...chunk,
    ]);
  }
  return changed;
}

/** Reads a row's column that the schema declares NOT NULL as a string. */
export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== "string") throw new TypeError(`column ${column} is not text`);
  return value;
}

export function num(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === "number") return value;
  if (typeof value === "string" && value !== "") return Number(value);
  throw new TypeError(`column ${column} is not a number`);
}

export function textOrNull(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : String(value);
}

export function numOrNull(row: Row, column: string): number | null {
  const value = row[column];
  return value === null || value === undefined ? null : num(row, column);
}
