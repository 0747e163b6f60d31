import type Database from "better-sqlite3";
import { multiRowInsert } from "../multi-row-insert.js";
import type { ChangeNotice, InsertedRows, Row, SqlRequest, SqlValue } from "../sql-script.js";

/** Parameters bind one by one, or a row at a time as arrays (better-sqlite3 flattens them). */
type Statement = Database.Statement<(SqlValue | readonly SqlValue[])[], Record<string, SqlValue>>;

/** The requests that reach the database; `lockStores` and `publish` are the storage's own. */
export type DatabaseRequest = Exclude<SqlRequest, { kind: "lockStores" | "publish" }>;

const STATEMENT_CACHE_SIZE = 400;
/** Tuples per multi-row INSERT: fewer statement calls, and far below SQLite's 32,766 parameters. */
const ROWS_PER_INSERT = 100;
const DO_NOTHING = /\bON\s+CONFLICT\b[^;]*\bDO\s+NOTHING\b/i;

/** The pragmas of every connection that writes: WAL, and commits durable once they return. */
export function prepareWriterConnection(db: Database.Database): void {
  db.pragma("journal_mode = WAL");
  // A station forgets an op once the server says it holds it: a commit is on disk when it returns.
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  // A statement that may abort half-way (an upsert of many rows) keeps what it would undo in a
  // journal of its own: in memory, not written to a temporary file and deleted again.
  db.pragma("temp_store = MEMORY");
}

/**
 * The part of a request the database runs, or null for the storage's own: a publish's notice is
 * kept for after the commit, and BEGIN IMMEDIATE already holds the one write lock.
 */
export function databasePart(request: SqlRequest, notices: ChangeNotice[]): DatabaseRequest | null {
  if (request.kind === "publish") {
    notices.push(request.notice);
    return null;
  }
  return request.kind === "lockStores" ? null : request;
}

/** Runs a script's requests on one better-sqlite3 connection, with its prepared statements cached. */
export class SqliteExecutor {
  readonly #statements = new Map<string, Statement>();
  /** The multi-row form of each `ON CONFLICT … DO NOTHING` insert, by its single-row SQL. */
  readonly #multiRowStatements = new Map<string, Statement>();

  constructor(readonly db: Database.Database) {}

  /** Runs a script's request, the database's part of it (`databasePart`). */
  handle(request: SqlRequest, notices: ChangeNotice[]): unknown {
    const sql = databasePart(request, notices);
    return sql ? this.execute(sql) : undefined;
  }

  execute(request: DatabaseRequest): unknown {
    switch (request.kind) {
      case "all":
        return this.#statement(request.sql).all(...request.params);
      case "run":
        return this.#statement(request.sql).run(...request.params).changes;
      case "exec":
        this.db.exec(request.sql);
        return undefined;
      case "insertMany":
        return this.#insertMany(request.sql, request.rows);
      case "nextSeqs": {
        const row = this.#statement(
          "UPDATE server_meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'seq' RETURNING value",
        ).get(request.count);
        const last = Number(row?.value);
        return Array.from({ length: request.count }, (_, index) => last - request.count + 1 + index);
      }
    }
  }

  /**
   * Inserts the rows one by one, except for `ON CONFLICT … DO NOTHING` inserts: those go in
   * statements of ROWS_PER_INSERT tuples (the op log's insert takes less than half the time so).
   * Other multi-row inserts are slower than single rows: a statement that may abort half-way
   * needs a statement journal. Rows go in the order given, so a later row meets an earlier one's
   * conflict as with single-row inserts.
   */
  #insertMany(sql: string, rows: readonly (readonly SqlValue[])[]): InsertedRows {
    const returned: Row[] = [];
    let changes = 0;
    let start = 0;
    if (rows.length >= ROWS_PER_INSERT && DO_NOTHING.test(sql)) {
      let chunked = this.#multiRowStatements.get(sql);
      if (chunked === undefined) {
        chunked = this.#prepare(multiRowInsert(sql, ROWS_PER_INSERT, "?"));
        this.#multiRowStatements.set(sql, chunked);
      }
      for (; start + ROWS_PER_INSERT <= rows.length; start += ROWS_PER_INSERT) {
        const chunk = rows.slice(start, start + ROWS_PER_INSERT);
        if (chunked.reader) returned.push(...chunked.all(...chunk));
        else changes += chunked.run(...chunk).changes;
      }
    }
    const single = this.#statement(sql);
    for (const row of rows.slice(start)) {
      if (!single.reader) {
        changes += single.run(row).changes;
        continue;
      }
      // A single-row INSERT returns at most one row.
      const inserted = single.get(row);
      if (inserted) returned.push(inserted);
    }
    return { rows: returned, changes: single.reader ? returned.length : changes };
  }

  #statement(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement) {
      // Re-insert to keep the cache in least-recently-used order.
      this.#statements.delete(sql);
    } else {
      statement = this.#prepare(sql);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
    }
    this.#statements.set(sql, statement);
    return statement;
  }

  #prepare(sql: string): Statement {
    return this.db.prepare<(SqlValue | readonly SqlValue[])[], Record<string, SqlValue>>(sql);
  }
}
